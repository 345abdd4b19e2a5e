package dev.securitycenter.mfa.signin;

import dev.securitycenter.audit.SecondFactorChallenge;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.MfaMethod;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidateOTP;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Map;

/**
 * The second factor of a token request with a password: Keycloak's OTP check (the {@code totp} parameter) for
 * users with an allowed authenticator app. A user whose only allowed factors are SMS or email codes or a passkey
 * cannot answer within one request and is refused, as is an admin who must use a passkey.
 */
public class DirectGrantSecondFactor extends ValidateOTP {

    public static final String ID = "security-center-grant-second-factor";
    public static final String PASSKEY_MESSAGE = "This account must sign in with a passkey; use the browser";
    static final String CODE_BY_MESSAGE = "This account signs in with a passkey or a code sent by SMS or email; use the browser";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // no code can let an admin in who must use a passkey, so none is asked for (nor counted when wrong)
        if (SecondFactorMethods.mustUsePasskey(context.getRealm(), context.getUser())) {
            refuse(context, "passkey_required", PASSKEY_MESSAGE);
            return;
        }
        if (SecondFactorMethods.usable(context.getRealm(), context.getUser(), MfaMethod.TOTP)) {
            SecondFactorChallenge.answered(context.getEvent(), MfaMethod.TOTP.name());
            super.authenticate(context);
            return;
        }
        refuse(context, "second_factor_not_supported", CODE_BY_MESSAGE);
    }

    /** A refusal, not a wrong code: it must not count toward a lockout. */
    private static void refuse(AuthenticationFlowContext context, String error, String description) {
        context.getEvent().user(context.getUser()).error(error);
        context.challenge(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid_grant", "error_description", description))
                .build());
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return SecondFactorMethods.hasUsableSecondFactor(realm, user);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Security Center token-request second factor";
    }

    @Override
    public String getHelpText() {
        return "Asks token requests with a password for the authenticator-app code of users with an allowed second"
                + " factor; refuses those whose allowed factors only work in the browser.";
    }
}
