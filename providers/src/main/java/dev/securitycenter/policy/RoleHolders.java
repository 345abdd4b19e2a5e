package dev.securitycenter.policy;

import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everyone who holds any of some roles: directly, through a composite role (realm or client role), or through a
 * group or one of its parent groups.
 */
public final class RoleHolders {

    private final KeycloakSession session;

    public RoleHolders(KeycloakSession session) {
        this.session = session;
    }

    public Stream<UserModel> of(RealmModel realm, Collection<RoleModel> roles) {
        Set<RoleModel> granting = granting(realm, roles);
        Set<String> seen = new HashSet<>();
        Stream<UserModel> direct = granting.stream()
                .flatMap(role -> session.users().getRoleMembersStream(realm, role));
        Stream<UserModel> viaGroups = groupsGranting(realm, granting).stream()
                .flatMap(group -> session.users().getGroupMembersStream(realm, group));
        return Stream.concat(direct, viaGroups).filter(user -> seen.add(user.getId()));
    }

    /** The roles themselves and every composite role that contains one of them, however deep. */
    static Set<RoleModel> granting(RealmModel realm, Collection<RoleModel> roles) {
        Set<RoleModel> granting = new HashSet<>(roles);
        if (!roles.isEmpty()) {
            Stream.concat(realm.getRolesStream(), realm.getClientsStream().flatMap(ClientModel::getRolesStream))
                    .filter(role -> roles.stream().anyMatch(role::hasRole))
                    .forEach(granting::add);
        }
        return granting;
    }

    /** The groups whose members hold one of these roles, by the group's own mappings or a parent group's. */
    static List<GroupModel> groupsGranting(RealmModel realm, Set<RoleModel> granting) {
        if (granting.isEmpty()) {
            return List.of();
        }
        return realm.getTopLevelGroupsStream()
                .flatMap(RoleHolders::withSubgroups)
                .filter(group -> granting.stream().anyMatch(group::hasRole))
                .toList();
    }

    private static Stream<GroupModel> withSubgroups(GroupModel group) {
        return Stream.concat(Stream.of(group), group.getSubGroupsStream().flatMap(RoleHolders::withSubgroups));
    }
}
