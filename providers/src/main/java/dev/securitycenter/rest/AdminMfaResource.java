package dev.securitycenter.rest;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.mfa.MfaAdoption;
import dev.securitycenter.mfa.MfaReminders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.List;
import java.util.Map;

/** {@code /admin/realms/{realm}/security-center/mfa}: 2FA adoption and reminders. */
public class AdminMfaResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public AdminMfaResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public MfaAdoption.Status status() {
        auth.realm().requireViewRealm();
        return new MfaAdoption(session).status(realm);
    }

    /** Emails every enabled user without 2FA who has an address; {@code dryRun=true} only counts them. */
    @POST
    @Path("reminders")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> reminders() {
        auth.realm().requireManageRealm();
        boolean dryRun = dryRun(session.getContext().getUri().getQueryParameters().get("dryRun"));
        MfaReminders reminders = new MfaReminders(session);
        if (dryRun) {
            return Map.of("recipients", reminders.count(realm), "dryRun", true);
        }
        if (!reminders.templateAvailable()) {
            throw ApiErrors.conflict("emailTheme", "the realm's email theme '" + realm.getEmailTheme()
                    + "' has no 2FA reminder template: use the security-center email theme or one that extends it");
        }
        UserModel admin = auth.adminAuth().getUser();
        int sent = reminders.send(realm, new UserRef(admin.getId(), admin.getUsername()),
                session.getContext().getConnection().getRemoteAddr());
        return Map.of("recipients", sent, "dryRun", false);
    }

    /**
     * JAX-RS reads any word but "true" (and an empty value) as false, so {@code dryRun=yes} would send the mail it
     * meant only to count: only one "true" or "false" is taken, and no parameter at all means a real send.
     */
    private static boolean dryRun(List<String> values) {
        if (values == null) {
            return false;
        }
        if (values.size() == 1 && values.get(0).equalsIgnoreCase("true")) {
            return true;
        }
        if (values.size() == 1 && values.get(0).equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiErrors.badRequest("dryRun", "must be true or false");
    }
}
