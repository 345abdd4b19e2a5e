package dev.securitycenter.policy;

import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The roles a policy may name (the admins of {@code mfa.adminRoles}, the break-glass role of {@code sso}): a realm
 * role by its name, or one of the realm's administration roles in Keycloak's own "client.role" form, e.g.
 * {@code realm-management.manage-users} (the master realm's are those of its {@code master-realm} client).
 */
public final class PolicyRoles {

    private PolicyRoles() {
    }

    /** The role a name stands for, if it is a realm role or an administration role of this realm. */
    public static Optional<RoleModel> resolve(RealmModel realm, String name) {
        RoleModel role = KeycloakModelUtils.getRoleFromString(realm, name);
        if (role == null) {
            return Optional.empty();
        }
        ClientModel adminClient = adminClient(realm);
        boolean allowed = !role.isClientRole()
                || adminClient != null && adminClient.getId().equals(role.getContainerId());
        return allowed ? Optional.of(role) : Optional.empty();
    }

    public static List<RoleModel> resolveAll(RealmModel realm, Collection<String> names) {
        return names.stream().map(name -> resolve(realm, name)).flatMap(Optional::stream).toList();
    }

    /** The realm roles a policy may name, sorted. */
    public static List<String> realmRoles(RealmModel realm) {
        return realm.getRolesStream().map(RoleModel::getName).sorted().toList();
    }

    /** The realm's administration roles in the form the policy stores them, sorted. */
    public static List<String> administrationRoles(RealmModel realm) {
        ClientModel adminClient = adminClient(realm);
        return adminClient == null ? List.of()
                : adminClient.getRolesStream().map(role -> name(adminClient, role)).sorted().toList();
    }

    /** The stored name of one of the realm's administration roles, e.g. {@code realm-management.realm-admin}. */
    public static Optional<String> adminRoleName(RealmModel realm, String role) {
        ClientModel adminClient = adminClient(realm);
        return Optional.ofNullable(adminClient).map(client -> client.getRole(role)).filter(Objects::nonNull)
                .map(found -> name(adminClient, found));
    }

    private static String name(ClientModel client, RoleModel role) {
        return KeycloakModelUtils.buildRoleQualifier(client.getClientId(), role.getName());
    }

    /** The client holding the realm's administration roles, as Keycloak's admin console assigns them. */
    private static ClientModel adminClient(RealmModel realm) {
        return Config.getAdminRealm().equals(realm.getName()) ? realm.getMasterAdminClient()
                : realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
    }
}
