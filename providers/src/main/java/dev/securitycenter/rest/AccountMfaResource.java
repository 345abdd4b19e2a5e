package dev.securitycenter.rest;

import dev.securitycenter.audit.SelfServiceCredentialEvents;
import dev.securitycenter.mfa.OwnSecondFactors;
import dev.securitycenter.mfa.SecondFactorProof;
import dev.securitycenter.mfa.SecondFactorStatus;
import dev.securitycenter.mfa.SelfServiceSecondFactor;
import dev.securitycenter.mfa.totp.TotpEnrolment;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /account/mfa}: the caller's second factors, authenticator-app 2FA, passkeys and recovery codes. */
@Produces(MediaType.APPLICATION_JSON)
public class AccountMfaResource {

    private static final String CODE = "code";

    private final KeycloakSession session;
    private final AccountCaller caller;
    private final int totpSetupSeconds;

    AccountMfaResource(KeycloakSession session, AccountCaller caller, int totpSetupSeconds) {
        this.session = session;
        this.caller = caller;
        this.totpSetupSeconds = totpSetupSeconds;
    }

    @POST
    @Path("totp")
    public TotpEnrolment.Pending startTotp() {
        caller.requireManage();
        requireAvailable();
        RecentSignIn.require(caller.realm(), caller.userSession());
        return enrolment().start(caller.user())
                .orElseThrow(() -> ApiErrors.conflict("totp", "An authenticator app is already set up."));
    }

    @POST
    @Path("totp/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> verifyTotp(String body) {
        caller.requireManage();
        requireAvailable();
        RecentSignIn.require(caller.realm(), caller.userSession());
        TotpEnrolment.Outcome outcome = enrolment().verify(caller.user(), credentialEvents(),
                code(body));
        if (outcome instanceof TotpEnrolment.Enabled enabled) {
            return Map.of("recoveryCodes", enabled.recoveryCodes());
        }
        if (outcome instanceof TotpEnrolment.Expired) {
            throw ApiErrors.conflict(CODE, "This set-up has expired. Start again to get a new QR code.");
        }
        if (outcome instanceof TotpEnrolment.AlreadyEnabled) {
            throw ApiErrors.conflict("totp", "An authenticator app is already set up.");
        }
        if (outcome instanceof TotpEnrolment.Locked) {
            throw locked();
        }
        throw ApiErrors.badRequest(CODE, "The code is not valid. Enter the code your app shows now.");
    }

    @POST
    @Path("recovery-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> regenerateRecoveryCodes(String body) {
        caller.requireManage();
        SelfServiceSecondFactor mfa = selfService();
        requireEnabled(mfa);
        prove(body);
        return Map.of("recoveryCodes", mfa.regenerateRecoveryCodes());
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Boolean> disable(String body) {
        caller.requireManage();
        SelfServiceSecondFactor mfa = selfService();
        requireEnabled(mfa);
        if (mfa.isEnforced()) {
            throw ApiErrors.forbidden("mfa", "Your organisation requires two-factor authentication.");
        }
        prove(body);
        mfa.disable();
        return Map.of("enabled", false);
    }

    /** Every second factor the caller holds (authenticator apps, phone, email, passkeys). */
    @GET
    @Path("factors")
    public OwnSecondFactors.Factors factors() {
        caller.requireView();
        return new OwnSecondFactors(session, caller.realm(), caller.user()).list();
    }

    @Path("passkeys/{id}")
    public AccountPasskeysResource passkey(@PathParam("id") String id) {
        return new AccountPasskeysResource(session, caller, id);
    }

    /** The body of the calls that take a code: an authenticator code, or a recovery code where allowed. */
    private static String code(String body) {
        return StrictJsonBody.read(body, Set.of(CODE)).text(CODE);
    }

    private void prove(String body) {
        SecondFactorProof.Result result = new SecondFactorProof(session, caller.realm())
                .check(caller.user(), code(body));
        if (result == SecondFactorProof.Result.LOCKED) {
            throw locked();
        }
        if (result == SecondFactorProof.Result.WRONG) {
            throw ApiErrors.badRequest(CODE, "Enter a current code from your app or one of your recovery codes.");
        }
    }

    /** Turning 2FA off or regenerating codes stays possible; setting up a factor the policy rules out is not. */
    private void requireAvailable() {
        if (!SecondFactorStatus.authenticatorAppAvailable(caller.realm())) {
            throw ApiErrors.forbidden("totp", "Your organisation does not offer authenticator-app sign-in.");
        }
    }

    private static void requireEnabled(SelfServiceSecondFactor mfa) {
        if (!mfa.isEnabled()) {
            throw ApiErrors.conflict("mfa", "Two-factor authentication is not set up.");
        }
    }

    private static RuntimeException locked() {
        return ApiErrors.forbidden(CODE, "Too many failed attempts. Try again later.");
    }

    private TotpEnrolment enrolment() {
        return new TotpEnrolment(session, caller.realm(), totpSetupSeconds);
    }

    private SelfServiceSecondFactor selfService() {
        return new SelfServiceSecondFactor(session, caller.realm(), caller.user(), credentialEvents());
    }

    private SelfServiceCredentialEvents credentialEvents() {
        return new SelfServiceCredentialEvents(session, caller.realm(), caller.user(), caller.userSession(),
                caller.token().getIssuedFor());
    }
}
