package dev.securitycenter.mfa.factor;

import dev.securitycenter.policy.MfaRules;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.util.Objects;

/** Whether a user is one of the policy's admins: holds one of {@code mfa.adminRoles}. */
public final class AdminRoles {

    private AdminRoles() {
    }

    public static boolean held(RealmModel realm, UserModel user, MfaRules rules) {
        return rules.adminRoles().stream()
                .map(realm::getRole)
                .filter(Objects::nonNull)
                // hasRole follows composite roles and group membership
                .anyMatch((RoleModel role) -> user.hasRole(role));
    }
}
