package dev.securitycenter.password;

import dev.securitycenter.policy.PolicyRoles;
import dev.securitycenter.policy.RoleHolders;
import dev.securitycenter.policy.SecurityPolicyReader;
import dev.securitycenter.policy.SsoRules;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Optional;

/**
 * "SSO required": whose password the realm refuses (everyone but the holders of the break-glass role, by default
 * Keycloak's realm-admin, directly, through a composite role or a group). The one rule behind the sign-in form, the
 * token endpoint, the forgotten-password mail, the account API's password change and the preview's count.
 */
public final class SsoRequirement {

    /** The event error of a refused password, recorded as {@code auth.login_failed}. */
    public static final String ERROR = "sso_required";

    private SsoRequirement() {
    }

    public static boolean refusesPassword(RealmModel realm, UserModel user) {
        SsoRules sso = SecurityPolicyReader.sso(realm);
        return sso.required() && breakGlassRole(realm, sso).filter(user::hasRole).isEmpty();
    }

    /** The role whose holders keep their password: the policy's, else realm-admin. */
    static Optional<RoleModel> breakGlassRole(RealmModel realm, SsoRules sso) {
        Optional<String> name = sso.breakGlassRole() != null ? Optional.of(sso.breakGlassRole())
                : PolicyRoles.adminRoleName(realm, AdminRoles.REALM_ADMIN);
        return name.flatMap(role -> PolicyRoles.resolve(realm, role));
    }

    /** How many people (service accounts aside) would sign in through an identity provider under these rules. */
    static long usersSignedInThroughProvider(KeycloakSession session, RealmModel realm, SsoRules sso) {
        long people = session.users().getUsersCount(realm, false);
        long breakGlass = breakGlassRole(realm, sso)
                .map(role -> new RoleHolders(session).of(realm, List.of(role))
                        .filter(user -> user.getServiceAccountClientLink() == null)
                        .count())
                .orElse(0L);
        return Math.max(people - breakGlass, 0);
    }
}
