package dev.securitycenter.rest;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.lockout.LockedUser;
import dev.securitycenter.lockout.LockoutHistory;
import dev.securitycenter.lockout.Lockouts;
import dev.securitycenter.lockout.PastLockout;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.List;
import java.util.Map;

/** {@code /admin/realms/{realm}/security-center/lockouts}: locked accounts and admin unlock. */
public class AdminLockoutResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public AdminLockoutResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<LockedUser> list() {
        auth.realm().requireViewRealm();
        // who is locked is shown user by user, as Keycloak's user API decides (view-users or fine-grained rights)
        return new Lockouts(session).list(realm).stream()
                .map(locked -> canView(locked.userId()) ? locked : PersonalData.withoutPersonalData(locked))
                .toList();
    }

    /** The last 30 days of lockouts and how each ended, newest first; who and where as for {@link #list()}. */
    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PastLockout> history() {
        auth.realm().requireViewRealm();
        return new LockoutHistory(session).list(realm).stream()
                .map(past -> canView(past.userId()) ? past : PersonalData.withoutPersonalData(past))
                .toList();
    }

    private boolean canView(String userId) {
        if (auth.users().canView()) {
            return true;
        }
        UserModel user = session.users().getUserById(realm, userId);
        return user != null && auth.users().canView(user);
    }

    @POST
    @Path("{userId}/unlock")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> unlock(@PathParam("userId") String userId) {
        // no id holds a NUL, and PostgreSQL refuses one in a query (a 500): it names nobody, like an unknown id
        UserModel user = userId.indexOf('\0') >= 0 ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            // same answer whether the id is unknown or not ours to see
            auth.users().requireManage();
            throw new NotFoundException("User not found");
        }
        auth.users().requireManage(user);
        UserModel admin = auth.adminAuth().getUser();
        boolean wasLocked = new Lockouts(session).unlock(realm, user, new UserRef(admin.getId(), admin.getUsername()),
                session.getContext().getConnection().getRemoteAddr());
        return Map.of("unlocked", wasLocked);
    }
}
