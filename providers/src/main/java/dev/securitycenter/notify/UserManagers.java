package dev.securitycenter.notify;

import dev.securitycenter.policy.RoleHolders;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.util.List;

/** The realm's admins whom security alerts go to: enabled users holding {@code manage-users}, with an address. */
public final class UserManagers {

    private UserManagers() {
    }

    public static List<String> of(KeycloakSession session, RealmModel realm) {
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel manageUsers = realmManagement == null ? null : realmManagement.getRole(AdminRoles.MANAGE_USERS);
        if (manageUsers == null) {
            return List.of();
        }
        return new RoleHolders(session).of(realm, List.of(manageUsers))
                .filter(UserModel::isEnabled)
                .filter(admin -> admin.getEmail() != null)
                .map(UserModel::getId)
                .toList();
    }
}
