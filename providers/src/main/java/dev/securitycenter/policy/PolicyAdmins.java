package dev.securitycenter.policy;

import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who the policy's "admins" are: the holders of {@code mfa.adminRoles}, or, while none is chosen, the holders of the
 * roles that let someone change the realm or its users in Keycloak (manage-realm, manage-users, realm-admin) —
 * directly, through a composite role or through a group. The one rule behind enforcement, previews and counts.
 */
public final class PolicyAdmins {

    /** Keycloak's administration roles that make someone an admin when the policy names no role. */
    public static final List<String> DEFAULT_ADMIN_ROLES = List.of(AdminRoles.MANAGE_REALM, AdminRoles.MANAGE_USERS,
            AdminRoles.REALM_ADMIN);

    private PolicyAdmins() {
    }

    /** The roles that make an admin under these rules. */
    public static List<RoleModel> roles(RealmModel realm, List<String> adminRoles) {
        return PolicyRoles.resolveAll(realm, adminRoles.isEmpty() ? defaultRoleNames(realm) : adminRoles);
    }

    /** The default admin roles as the policy would name them, e.g. {@code realm-management.manage-realm}. */
    public static List<String> defaultRoleNames(RealmModel realm) {
        return DEFAULT_ADMIN_ROLES.stream().map(role -> PolicyRoles.adminRoleName(realm, role))
                .flatMap(Optional::stream).toList();
    }

    public static boolean isAdmin(RealmModel realm, UserModel user, List<String> adminRoles) {
        // hasRole follows composite roles and group membership
        return roles(realm, adminRoles).stream().anyMatch(user::hasRole);
    }

    /** The enabled admins of the realm. */
    public static Stream<UserModel> enabled(KeycloakSession session, RealmModel realm, List<String> adminRoles) {
        return new RoleHolders(session).of(realm, roles(realm, adminRoles)).filter(UserModel::isEnabled);
    }
}
