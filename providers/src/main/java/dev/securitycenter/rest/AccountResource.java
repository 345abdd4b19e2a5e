package dev.securitycenter.rest;

import dev.securitycenter.audit.AuditEventView;
import dev.securitycenter.audit.AuditQuery;
import dev.securitycenter.audit.AuditStore;
import dev.securitycenter.password.PasswordChange;
import dev.securitycenter.flow.HourlySlots;
import dev.securitycenter.password.PasswordChangeRequest;
import dev.securitycenter.password.PasswordRuleCheck;
import dev.securitycenter.password.PasswordRuleViolation;
import dev.securitycenter.policy.FieldError;
import dev.securitycenter.sessions.OwnSessions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /realms/{realm}/security-center/account}: what a user sees and does about their own sign-in security. */
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    static final int PASSWORD_CHECKS_PER_HOUR = 120;
    private static final String PASSWORD_CHECKS = "security-center.password-check.";

    private final KeycloakSession session;
    private final AccountCaller caller;
    private final int totpSetupSeconds;

    public AccountResource(KeycloakSession session, AccountCaller caller, int totpSetupSeconds) {
        this.session = session;
        this.caller = caller;
        this.totpSetupSeconds = totpSetupSeconds;
    }

    @GET
    public AccountOverview overview() {
        caller.requireView();
        return AccountOverview.of(session, caller.realm(), caller.user());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Integer> changePassword(String body) {
        caller.requireManage();
        StrictJsonBody fields = StrictJsonBody.read(body, Set.of("currentPassword", "newPassword", "confirmation"));
        PasswordChangeRequest request = new PasswordChangeRequest(fields.text("currentPassword"),
                fields.text("newPassword"), fields.text("confirmation"));
        PasswordChange.Outcome outcome = new PasswordChange(session, caller.realm())
                .change(caller.user(), caller.userSession(), caller.token().getIssuedFor(), request);
        if (outcome instanceof PasswordChange.Refused refused) {
            throw ApiErrors.badRequest(refused.violations());
        }
        if (outcome instanceof PasswordChange.SsoManaged) {
            throw ApiErrors.forbidden("password", "Your password is managed by your organisation's identity provider.");
        }
        if (outcome instanceof PasswordChange.Locked) {
            throw ApiErrors.forbidden("currentPassword", "Too many failed attempts. Try again later.");
        }
        // every other session of the user, online and offline, ends; the one the change came from stays
        return Map.of("terminatedSessions", ownSessions().terminateOthers("password_changed"));
    }

    /**
     * The rules a candidate new password breaks (the realm's password policy, lists and breach check included),
     * changing nothing: for the account page's live checklist, so the browser never asks a third party itself.
     * Each check may ask the breach corpus, so a user gets {@value #PASSWORD_CHECKS_PER_HOUR} per hour (429 after).
     */
    @POST
    @Path("password/check")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<PasswordRuleViolation>> checkPassword(String body) {
        caller.requireManage();
        String password = StrictJsonBody.read(body, Set.of(PasswordRuleCheck.FIELD)).text(PasswordRuleCheck.FIELD);
        if (password == null || password.isEmpty()) {
            throw ApiErrors.badRequest(List.of(new PasswordRuleViolation(PasswordRuleCheck.FIELD, "required",
                    "This field is required.")));
        }
        if (!new HourlySlots(session.singleUseObjects()).take(PASSWORD_CHECKS + caller.user().getId(),
                PASSWORD_CHECKS_PER_HOUR)) {
            throw new WebApplicationException(Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("errors", List.of(new FieldError(PasswordRuleCheck.FIELD,
                            "Too many checks. Try again later."))))
                    .build());
        }
        return Map.of("violations", new PasswordRuleCheck(session, caller.realm()).violations(caller.user(),
                password));
    }

    @Path("mfa")
    public AccountMfaResource mfa() {
        return new AccountMfaResource(session, caller, totpSetupSeconds);
    }

    @Path("notifications")
    public AccountNotificationsResource notifications() {
        return new AccountNotificationsResource(caller);
    }

    @GET
    @Path("sessions")
    public Map<String, Object> sessions() {
        caller.requireView();
        return SessionListing.of(session, ownSessions());
    }

    @POST
    @Path("sessions/{id}/terminate")
    public Map<String, Integer> terminateSession(@PathParam("id") String id) {
        caller.requireManage();
        OwnSessions sessions = ownSessions();
        // the same 404 whether the id is unknown or another user's: nothing tells them apart
        sessions.find(id).orElseThrow(NotFoundException::new);
        if (!sessions.terminate(id)) {
            throw ApiErrors.conflict("id", "This is the session you are using. Sign out instead.");
        }
        return Map.of("terminated", 1);
    }

    @POST
    @Path("sessions/terminate-all")
    public Map<String, Integer> terminateOtherSessions() {
        caller.requireManage();
        return Map.of("terminated", ownSessions().terminateOthers("user"));
    }

    /** The caller's own security events, newest first; an admin who acted on the account is not named. */
    @GET
    @Path("activity")
    public List<AuditEventView> activity(@QueryParam("first") String first, @QueryParam("max") String max) {
        caller.requireView();
        String userId = caller.user().getId();
        return new AuditStore(session).page(AuditQuery.forUser(caller.realm().getId(), userId),
                        AuditQueryParams.first(first), AuditQueryParams.max(max)).stream()
                .map(event -> PersonalData.asSeenBySubject(event, userId))
                .toList();
    }

    private OwnSessions ownSessions() {
        return new OwnSessions(session, caller.realm(), caller.user(), caller.userSession());
    }
}
