package dev.securitycenter.rest;

import dev.securitycenter.sessions.OwnSessions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.Map;

/**
 * {@code /admin/realms/{realm}/security-center/users/{id}/sessions}: a user's sessions in the rows the account API
 * shows the user (device, location, address, last active), for whoever Keycloak lets view that user and for the
 * user themself (the Security settings page lists the signed-in admin's own sessions). Ending one
 * stays Keycloak's own {@code DELETE /admin/realms/{realm}/sessions/{id}}, which the audit listener records.
 */
public class AdminUserSessionsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public AdminUserSessionsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("{userId}/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> sessions(@PathParam("userId") String userId) {
        // no id holds a NUL, and PostgreSQL refuses one in a query (a 500): it names nobody, like an unknown id
        UserModel user = userId.indexOf('\0') >= 0 ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            // same answer whether the id is unknown or not ours to see
            auth.users().requireView();
            throw new NotFoundException("User not found");
        }
        boolean self = auth.adminAuth().getRealm().getId().equals(realm.getId())
                && auth.adminAuth().getUser().getId().equals(user.getId());
        if (!self) {
            // every admin sees their own sessions, as the account console shows them to every user
            auth.users().requireView(user);
        }
        return SessionListing.of(session, new OwnSessions(session, realm, user, self ? callersSession() : null));
    }

    /** The session the caller's token belongs to (its {@code sid}). */
    private UserSessionModel callersSession() {
        String sid = auth.adminAuth().getToken().getSessionId();
        return sid == null ? null : session.sessions().getUserSession(realm, sid);
    }
}
