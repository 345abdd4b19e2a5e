package dev.securitycenter.policy;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.List;

/**
 * Where the allowlist part of the policy is kept (the network capability's table): read for the document, written
 * by a save through that capability's {@link PolicyContribution}.
 */
public interface IpAllowlistEntries {

    List<IpAllowlistEntry> list(KeycloakSession session, RealmModel realm);
}
