package dev.securitycenter.mfa;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The people REQUIRED_ADMINS applies to: holders of the configured admin roles, directly, through a composite role
 * or through a group (and its subgroups).
 */
public final class AdminUsers {

    private final KeycloakSession session;

    public AdminUsers(KeycloakSession session) {
        this.session = session;
    }

    public long withoutSecondFactor(RealmModel realm, List<String> adminRoles) {
        return holders(realm, adminRoles)
                .filter(UserModel::isEnabled)
                .filter(user -> MfaAdoption.SECOND_FACTOR_TYPES.stream()
                        .noneMatch(type -> user.credentialManager().isConfiguredFor(type)))
                .count();
    }

    Stream<UserModel> holders(RealmModel realm, List<String> adminRoles) {
        List<RoleModel> named = adminRoles.stream().map(realm::getRole).filter(Objects::nonNull).toList();
        if (named.isEmpty()) {
            return Stream.empty();
        }
        Set<RoleModel> granting = new HashSet<>(named);
        realm.getRolesStream().filter(role -> named.stream().anyMatch(role::hasRole)).forEach(granting::add);
        Set<String> seen = new HashSet<>();
        Stream<UserModel> direct = granting.stream()
                .flatMap(role -> session.users().getRoleMembersStream(realm, role));
        Stream<UserModel> viaGroups = realm.getTopLevelGroupsStream()
                .flatMap(AdminUsers::withSubgroups)
                .filter(group -> granting.stream().anyMatch(group::hasRole))
                .flatMap(group -> session.users().getGroupMembersStream(realm, group));
        return Stream.concat(direct, viaGroups).filter(user -> seen.add(user.getId()));
    }

    private static Stream<GroupModel> withSubgroups(GroupModel group) {
        return Stream.concat(Stream.of(group), group.getSubGroupsStream().flatMap(AdminUsers::withSubgroups));
    }
}
