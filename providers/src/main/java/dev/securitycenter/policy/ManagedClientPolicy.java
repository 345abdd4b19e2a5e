package dev.securitycenter.policy;

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
 * One of the extension's client-policy executors as Keycloak applies it to every client of a realm: a client profile
 * holding the executor and an enabled client policy (condition any-client) using that profile. Installed once per
 * realm by name; the realm's other profiles and policies are left exactly as they are.
 */
public record ManagedClientPolicy(String profile, String policy, String executorId, String description) {

    public void install(KeycloakSession session, RealmModel realm) {
        try {
            ClientProfilesRepresentation profiles = session.clientPolicy().getClientProfiles(realm, false);
            List<ClientProfileRepresentation> ownProfiles = new ArrayList<>(
                    profiles.getProfiles() == null ? List.of() : profiles.getProfiles());
            if (ownProfiles.stream().noneMatch(p -> profile.equals(p.getName()))) {
                ClientPolicyExecutorRepresentation executor = new ClientPolicyExecutorRepresentation();
                executor.setExecutorProviderId(executorId);
                executor.setConfiguration(JsonNodeFactory.instance.objectNode());
                ClientProfileRepresentation added = new ClientProfileRepresentation();
                added.setName(profile);
                added.setDescription("Security Center: " + description);
                added.setExecutors(List.of(executor));
                ownProfiles.add(added);
                profiles.setProfiles(ownProfiles);
                session.clientPolicy().updateClientProfiles(realm, profiles);
            }

            ClientPoliciesRepresentation policies = session.clientPolicy().getClientPolicies(realm, false);
            List<ClientPolicyRepresentation> ownPolicies = new ArrayList<>(
                    policies.getPolicies() == null ? List.of() : policies.getPolicies());
            if (ownPolicies.stream().noneMatch(p -> policy.equals(p.getName()))) {
                ClientPolicyConditionRepresentation anyClient = new ClientPolicyConditionRepresentation();
                anyClient.setConditionProviderId("any-client");
                anyClient.setConfiguration(JsonNodeFactory.instance.objectNode());
                ClientPolicyRepresentation added = new ClientPolicyRepresentation();
                added.setName(policy);
                added.setDescription("Security Center: " + description + " (every client)");
                added.setEnabled(true);
                added.setConditions(List.of(anyClient));
                added.setProfiles(List.of(profile));
                ownPolicies.add(added);
                policies.setPolicies(ownPolicies);
                session.clientPolicy().updateClientPolicies(realm, policies);
            }
        } catch (ClientPolicyException e) {
            throw new IllegalStateException("Could not install the client policy '" + policy + "': "
                    + e.getErrorDetail(), e);
        }
    }
}
