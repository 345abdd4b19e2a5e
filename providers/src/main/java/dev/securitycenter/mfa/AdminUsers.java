package dev.securitycenter.mfa;

import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.PolicyAdmins;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.stream.Stream;

/** The people REQUIRED_ADMINS and the admin strength apply to ({@link PolicyAdmins}), counted for previews. */
public final class AdminUsers {

    private final KeycloakSession session;

    public AdminUsers(KeycloakSession session) {
        this.session = session;
    }

    public long withoutSecondFactor(RealmModel realm, List<String> adminRoles) {
        return enabledAdmins(realm, adminRoles)
                .filter(user -> !SecondFactorRequirement.hasSecondFactor(user))
                .count();
    }

    public long withoutPasskey(RealmModel realm, List<String> adminRoles) {
        return enabledAdmins(realm, adminRoles)
                .filter(user -> !SecondFactorMethods.hasPasskey(user))
                .count();
    }

    private Stream<UserModel> enabledAdmins(RealmModel realm, List<String> adminRoles) {
        return PolicyAdmins.enabled(session, realm, adminRoles);
    }
}
