package dev.securitycenter.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientPolicyExecutorRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;

import java.util.ArrayList;
import java.util.List;

/**
 * Installs, once per realm, a client profile holding the allowlist executor and an enabled client policy applying
 * it to any client. The realm's other profiles and policies are left exactly as they are.
 */
public final class IpAllowlistClientPolicy {

    static final String PROFILE = "security-center";
    static final String POLICY = "security-center ip allowlist";

    private final KeycloakSession session;

    public IpAllowlistClientPolicy(KeycloakSession session) {
        this.session = session;
    }

    public void install(RealmModel realm) {
        try {
            ClientProfilesRepresentation profiles = session.clientPolicy().getClientProfiles(realm, false);
            List<ClientProfileRepresentation> ownProfiles = new ArrayList<>(
                    profiles.getProfiles() == null ? List.of() : profiles.getProfiles());
            if (ownProfiles.stream().noneMatch(p -> PROFILE.equals(p.getName()))) {
                ClientPolicyExecutorRepresentation executor = new ClientPolicyExecutorRepresentation();
                executor.setExecutorProviderId(IpAllowlistExecutorFactory.ID);
                executor.setConfiguration(JsonNodeFactory.instance.objectNode());
                ClientProfileRepresentation profile = new ClientProfileRepresentation();
                profile.setName(PROFILE);
                profile.setDescription("Security Center: refuse token requests from outside the IP allowlist");
                profile.setExecutors(List.of(executor));
                ownProfiles.add(profile);
                profiles.setProfiles(ownProfiles);
                session.clientPolicy().updateClientProfiles(realm, profiles);
            }

            ClientPoliciesRepresentation policies = session.clientPolicy().getClientPolicies(realm, false);
            List<ClientPolicyRepresentation> ownPolicies = new ArrayList<>(
                    policies.getPolicies() == null ? List.of() : policies.getPolicies());
            if (ownPolicies.stream().noneMatch(p -> POLICY.equals(p.getName()))) {
                ClientPolicyConditionRepresentation anyClient = new ClientPolicyConditionRepresentation();
                anyClient.setConditionProviderId("any-client");
                anyClient.setConfiguration(JsonNodeFactory.instance.objectNode());
                ClientPolicyRepresentation policy = new ClientPolicyRepresentation();
                policy.setName(POLICY);
                policy.setDescription("Security Center: the IP allowlist applies to every client");
                policy.setEnabled(true);
                policy.setConditions(List.of(anyClient));
                policy.setProfiles(List.of(PROFILE));
                ownPolicies.add(policy);
                policies.setPolicies(ownPolicies);
                session.clientPolicy().updateClientPolicies(realm, policies);
            }
        } catch (ClientPolicyException e) {
            throw new IllegalStateException("Could not install the IP allowlist client policy: "
                    + e.getErrorDetail(), e);
        }
    }
}
