package dev.securitycenter.mfa;

import dev.securitycenter.flow.ManagedStep;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.UserModel;

import java.util.Map;

/**
 * After the password (and the second factor of those who have one): a user the policy requires to use 2FA but who
 * has none is walked through enrolment before the sign-in completes (browser), or refused (token request with a
 * password, which cannot enrol anyone).
 */
public class SecondFactorEnforcementAuthenticator extends ManagedStep {

    static final String GRANT_ERROR = "Two-factor authentication must be set up before signing in";

    private final boolean browser;

    SecondFactorEnforcementAuthenticator(boolean browser) {
        this.browser = browser;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (!SecondFactorRequirement.requiredFor(context.getRealm(), user)
                || SecondFactorRequirement.hasSecondFactor(user)) {
            context.success();
            return;
        }
        if (browser) {
            context.getAuthenticationSession().addRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
            context.success();
            return;
        }
        context.getEvent().user(user).error("second_factor_required");
        context.failure(AuthenticationFlowError.INVALID_USER, Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid_grant", "error_description", GRANT_ERROR))
                .build());
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
