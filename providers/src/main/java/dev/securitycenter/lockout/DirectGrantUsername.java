package dev.securitycenter.lockout;

import dev.securitycenter.flow.SignInTurn;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidateUsername;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Keycloak's direct-grant username step, with parallel attempts for one user taking turns (see SignInTurn). */
public class DirectGrantUsername extends ValidateUsername {

    public static final String ID = "security-center-grant-username";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String username = retrieveUsername(context);
        if (username != null) {
            UserModel user = KeycloakModelUtils.findUserByNameOrEmail(context.getSession(), context.getRealm(),
                    username.trim());
            SignInTurn.await(context.getSession(), context.getRealm(), user);
        }
        super.authenticate(context);
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
