package dev.securitycenter.password;

import dev.securitycenter.flow.SignInTurn;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidatePassword;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Keycloak's direct-grant password check, plus the policy check of a correct password. A token request cannot
 * change a password, so a non-compliant one is refused ("account is not fully set up") until the user changes it.
 * While SSO is required, a correct password of anyone but the break-glass admins is refused (after the check, as
 * the browser form does, so it is no failed guess and tells nothing to whoever lacks the password).
 */
public class DirectGrantPassword extends ValidatePassword {

    /** Keycloak keeps authenticator ids in a 36-character column. */
    public static final String ID = "security-center-grant-password";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        super.authenticate(context);
        if (!"true".equals(context.getAuthenticationSession().getAuthNote(AuthenticationManager.PASSWORD_VALIDATED))) {
            SignInTurn.wrongGuess(context.getSession(), context.getUser());
        } else if (SsoRequirement.refusesPassword(context.getRealm(), context.getUser())) {
            context.getAuthenticationSession().removeAuthNote(AuthenticationManager.PASSWORD_VALIDATED);
            context.getEvent().user(context.getUser());
            context.getEvent().error(SsoRequirement.ERROR);
            context.forceChallenge(errorResponse(Response.Status.BAD_REQUEST.getStatusCode(), "invalid_grant",
                    "Sign in through your organisation's identity provider"));
        } else {
            SignInPasswordCheck.passwordProven(context, context.getUser(), retrievePassword(context));
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Security Center password (direct grant)";
    }

    @Override
    public String getHelpText() {
        return "Validates the password of a token request and refuses one the current policy no longer accepts"
                + " until it is changed.";
    }
}
