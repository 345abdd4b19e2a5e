package dev.securitycenter.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

public class SecurityCenterAdminResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        // Keycloak has authenticated the bearer token and checked it belongs to this realm or master;
        // every resource method still checks its own permission.
        if (auth.adminAuth().getRealm().getId().equals(realm.getId())) {
            // the realm's own admins are subject to its allowlist; master admins to master's sign-in rules
            NetworkGuard.require(session, realm, "admin api", auth.adminAuth().getClient().getClientId());
        }
        return new SecurityCenterAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public void close() {
    }
}
