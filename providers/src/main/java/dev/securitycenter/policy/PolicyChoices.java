package dev.securitycenter.policy;

import jakarta.annotation.Nullable;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.List;

/**
 * What the Security settings page offers to choose from: the roles a policy may name (realm roles, and the realm's
 * administration roles as "realm-management.manage-users"), the admins' roles while none is chosen, the default
 * break-glass role, and the identity providers "SSO required" would send users to.
 */
public record PolicyChoices(List<String> realmRoles, List<String> administrationRoles,
                            List<String> defaultAdminRoles, @Nullable String defaultBreakGlassRole,
                            List<String> identityProviders) {

    public static PolicyChoices of(KeycloakSession session, RealmModel realm) {
        return new PolicyChoices(PolicyRoles.realmRoles(realm), PolicyRoles.administrationRoles(realm),
                PolicyAdmins.defaultRoleNames(realm),
                PolicyRoles.adminRoleName(realm, AdminRoles.REALM_ADMIN).orElse(null), SsoProviders.names(session));
    }
}
