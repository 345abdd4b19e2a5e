package dev.securitycenter.password;

import dev.securitycenter.flow.SessionEndedByLimit;
import dev.securitycenter.flow.SignInTurn;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.CredentialRepresentation;

/** Keycloak's username and password form, plus the policy check of a correct password (browser flow). */
public class PolicyAwarePasswordForm extends UsernamePasswordForm {

    static final String SESSION_ENDED_MESSAGE = "securityCenterSessionEndedByLimit";

    public PolicyAwarePasswordForm(KeycloakSession session) {
        super(session);
    }

    /** A browser whose session a newer sign-in ended (session limit) is told so above the sign-in form. */
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (SessionEndedByLimit.takeNoticeForThisBrowser(context.getSession())) {
            context.form().setInfo(SESSION_ENDED_MESSAGE);
        }
        super.authenticate(context);
    }

    /** Parallel attempts for one user take turns, so that each one sees the failures before it. */
    @Override
    protected boolean isDisabledByBruteForce(AuthenticationFlowContext context, UserModel user) {
        SignInTurn.await(context.getSession(), context.getRealm(), user);
        return super.isDisabledByBruteForce(context, user);
    }

    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser) {
        boolean valid = super.validatePassword(context, user, inputData, clearUser);
        if (valid) {
            SignInPasswordCheck.passwordProven(context, user, inputData.getFirst(CredentialRepresentation.PASSWORD));
        }
        return valid;
    }
}
