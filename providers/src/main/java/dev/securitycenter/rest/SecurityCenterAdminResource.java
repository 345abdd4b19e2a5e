package dev.securitycenter.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Root of {@code /admin/realms/{realm}/security-center}; each capability is its own sub-resource. */
public class SecurityCenterAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public SecurityCenterAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                       AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @Path("policy")
    public AdminPolicyResource policy() {
        return new AdminPolicyResource(session, realm, auth, adminEvent);
    }

    @Path("mfa")
    public AdminMfaResource mfa() {
        return new AdminMfaResource(session, realm, auth);
    }

    @Path("lockouts")
    public AdminLockoutResource lockouts() {
        return new AdminLockoutResource(session, realm, auth);
    }

    @Path("users")
    public AdminUserSessionsResource users() {
        return new AdminUserSessionsResource(session, realm, auth);
    }

    @Path("users/{userId}/password-compromised")
    public AdminPasswordCompromisedResource passwordCompromised(@PathParam("userId") String userId) {
        return new AdminPasswordCompromisedResource(session, realm, auth, userId);
    }

    @Path("stats")
    public AdminStatsResource stats() {
        return new AdminStatsResource(session, realm, auth);
    }

    @Path("audit")
    public AdminAuditResource audit() {
        return new AdminAuditResource(session, realm, auth);
    }
}
