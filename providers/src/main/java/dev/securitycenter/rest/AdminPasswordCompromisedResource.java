package dev.securitycenter.rest;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.notify.AccountCompromise;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.Map;

/**
 * {@code POST /admin/realms/{realm}/security-center/users/{id}/password-compromised}: an admin who has reason to
 * think a user's password is known to someone else ends all their sessions and makes them choose a new one.
 */
public class AdminPasswordCompromisedResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final String userId;

    public AdminPasswordCompromisedResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                            String userId) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.userId = userId;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> markCompromised() {
        // no id holds a NUL, and PostgreSQL refuses one in a query (a 500): it names nobody, like an unknown id
        UserModel user = userId.indexOf('\0') >= 0 ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            // same answer whether the id is unknown, of another realm, or not ours to see
            auth.users().requireManage();
            throw new NotFoundException("User not found");
        }
        auth.users().requireManage(user);
        UserModel admin = auth.adminAuth().getUser();
        int ended = new AccountCompromise(session, realm).secure(user, AuditEventType.PASSWORD_COMPROMISED,
                new UserRef(admin.getId(), admin.getUsername()), Map.of("byAdmin", true));
        return Map.of("sessionsEnded", ended);
    }
}
