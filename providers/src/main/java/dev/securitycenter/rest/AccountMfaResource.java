package dev.securitycenter.rest;

import dev.securitycenter.mfa.ChangeConfirmation;
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

/** {@code /account/mfa}: the caller's second factors, authenticator-app set-up, passkeys and recovery codes. */
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
        TotpEnrolment.Outcome outcome = enrolment().verify(caller.user(), caller.credentialEvents(session),
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

    /** New recovery codes, for a user with any second factor, confirmed as {@link #confirm} says. */
    @POST
    @Path("recovery-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> regenerateRecoveryCodes(String body) {
        caller.requireManage();
        SelfServiceSecondFactor mfa = selfService();
        requireEnabled(mfa);
        confirm(mfa, body);
        return Map.of("recoveryCodes", mfa.regenerateRecoveryCodes());
    }

    /**
     * Removes every second factor and the recovery codes; refused (409, nothing removed) while the policy requires
     * 2FA of the caller, as for the last passkey.
     */
    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Boolean> disable(String body) {
        caller.requireManage();
        SelfServiceSecondFactor mfa = selfService();
        requireEnabled(mfa);
        if (mfa.isEnforced()) {
            throw ApiErrors.conflict("mfa", "Your organisation requires two-factor authentication.");
        }
        confirm(mfa, body);
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

    /**
     * The caller confirms with a code from their authenticator app or a recovery code when they have an app, else
     * with a recent sign-in ({@link ChangeConfirmation}); a code sent by a user without an app is refused unread,
     * so nothing is compared for them here.
     */
    private void confirm(SelfServiceSecondFactor mfa, String body) {
        String code = code(body);
        if (mfa.confirmation() == ChangeConfirmation.APP_CODE) {
            prove(code);
            return;
        }
        if (code != null) {
            throw ApiErrors.badRequest(CODE, "You have no authenticator app: confirm by signing in again instead.");
        }
        RecentSignIn.require(caller.realm(), caller.userSession());
    }

    private void prove(String code) {
        SecondFactorProof.Result result = new SecondFactorProof(session, caller.realm())
                .check(caller.user(), code);
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
        return new SelfServiceSecondFactor(session, caller.realm(), caller.user(), caller.credentialEvents(session));
    }
}
