package dev.securitycenter.policy;

import org.keycloak.models.AdminRoles;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The admins as a database condition on the user entity {@code u}: a mapping of a role that makes an admin
     * (one of the roles or a composite holding one), or membership of a group that grants one. The roles and groups
     * are resolved here, the people are left to the database. {@code prefix} keeps the parameter names apart when
     * two sets of admin roles meet in one query.
     */
    public static UserCondition condition(RealmModel realm, List<String> adminRoles, String prefix) {
        Set<RoleModel> granting = RoleHolders.granting(realm, roles(realm, adminRoles));
        if (granting.isEmpty()) {
            return UserCondition.NOBODY;
        }
        String roleIds = prefix + "AdminRoleIds";
        String byRole = "exists (select rm.roleId from UserRoleMappingEntity rm where rm.user = u and rm.roleId in :"
                + roleIds + ")";
        List<String> groupIds = RoleHolders.groupsGranting(realm, granting).stream().map(GroupModel::getId).toList();
        List<String> ids = granting.stream().map(RoleModel::getId).toList();
        if (groupIds.isEmpty()) {
            return new UserCondition(byRole, Map.of(roleIds, ids));
        }
        String groups = prefix + "AdminGroupIds";
        return new UserCondition(byRole + " or exists (select gm.groupId from UserGroupMembershipEntity gm"
                + " where gm.user = u and gm.groupId in :" + groups + ")", Map.of(roleIds, ids, groups, groupIds));
    }

    /** The enabled admins of the realm. */
    public static Stream<UserModel> enabled(KeycloakSession session, RealmModel realm, List<String> adminRoles) {
        return new RoleHolders(session).of(realm, roles(realm, adminRoles)).filter(UserModel::isEnabled);
    }
}
