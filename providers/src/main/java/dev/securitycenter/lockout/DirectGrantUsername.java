package dev.securitycenter.lockout;

import dev.securitycenter.flow.SignInTurn;
import dev.securitycenter.flow.UserTurns;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidateUsername;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.Optional;

/**
 * Keycloak's direct-grant username step, with parallel attempts for one user taking turns (see SignInTurn). Also
 * where the turn-taking is configured, for sign-in and the account API alike.
 */
public class DirectGrantUsername extends ValidateUsername {

    public static final String ID = "security-center-grant-username";
    static final String MAX_WAITING_PER_USER = "max-waiting-per-user";

    @Override
    public void init(Config.Scope config) {
        UserTurns.configure(config.getInt(MAX_WAITING_PER_USER, UserTurns.DEFAULT_MAX_WAITING));
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String username = retrieveUsername(context);
        UserModel user = username == null ? null : user(context, username.trim());
        Optional<String> refusal = SignInTurn.refusal(context.getSession(), context.getRealm(), user);
        if (refusal.isPresent()) {
            refuse(context, user, refusal.get());
        } else {
            super.authenticate(context);
        }
    }

    private static UserModel user(AuthenticationFlowContext context, String username) {
        try {
            return KeycloakModelUtils.findUserByNameOrEmail(context.getSession(), context.getRealm(), username);
        } catch (ModelDuplicateException e) {
            // Keycloak's own step answers this one
            return null;
        }
    }

    /** Answered exactly as Keycloak answers an attempt for a locked user. */
    private void refuse(AuthenticationFlowContext context, UserModel user, String error) {
        AuthenticatorUtils.dummyHash(context);
        context.getEvent().user(user);
        context.getEvent().error(error);
        Response answer = errorResponse(Response.Status.BAD_REQUEST.getStatusCode(), "invalid_grant",
                "Invalid user credentials");
        context.forceChallenge(answer);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Security Center username (direct grant)";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's username step; parallel attempts for one user wait for each other so that every one"
                + " of them meets the lockout.";
    }
}
