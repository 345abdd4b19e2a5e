package dev.securitycenter.policy;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.List;

/** Everyone a policy change concerns at their next sign-in, as each capability counts its own section. */
public final class PolicyAudiences {

    private PolicyAudiences() {
    }

    public static List<PolicyAudience> of(KeycloakSession session, RealmModel realm, SecurityPolicy before,
                                          SecurityPolicy after) {
        return PolicyContributions.all(session).stream()
                .flatMap(contribution -> contribution.audiences(realm, before, after).stream())
                .toList();
    }

    /**
     * Tells every contribution that the policy changed from {@code before} to {@code after}, whichever way it was
     * saved (the extension's API or Keycloak's own console).
     */
    static void changed(KeycloakSession session, RealmModel realm, SecurityPolicy before, SecurityPolicy after,
                        SaveReport report) {
        PolicyContributions.all(session).forEach(contribution ->
                contribution.changed(session, realm, before, after, report));
    }
}
