package dev.securitycenter.mfa;

import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.RoleHolders;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The people REQUIRED_ADMINS and the admin strength apply to: holders of the policy's admin roles. */
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
        return new RoleHolders(session)
                .of(realm, adminRoles.stream().map(realm::getRole).filter(Objects::nonNull).toList())
                .filter(UserModel::isEnabled);
    }
}
