package dev.securitycenter.password;

import dev.securitycenter.flow.SessionEndedByLimit;
import dev.securitycenter.flow.SignInTurn;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.CredentialRepresentation;

import java.util.Optional;

/**
 * Keycloak's username and password form, plus the policy check of a correct password and the expiry reminder
 * (browser flow).
 */
public class PolicyAwarePasswordForm extends UsernamePasswordForm {

    static final String SESSION_ENDED_MESSAGE = "securityCenterSessionEndedByLimit";

    /** Set when Keycloak's brute-force check let this request's password be compared (one instance per request). */
    private boolean passwordCompared;

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

    /**
     * Parallel attempts for one user take turns, so that each one sees the failures before it; an attempt refused
     * by its turn gets exactly the answer Keycloak gives for a locked user.
     */
    @Override
    protected boolean isDisabledByBruteForce(AuthenticationFlowContext context, UserModel user) {
        Optional<String> refusal = SignInTurn.refusal(context.getSession(), context.getRealm(), user);
        if (refusal.isPresent()) {
            context.getEvent().user(user);
            context.getEvent().error(refusal.get());
            context.forceChallenge(challenge(context, disabledByBruteForceError(refusal.get()),
                    disabledByBruteForceFieldError()));
            return true;
        }
        boolean disabled = super.isDisabledByBruteForce(context, user);
        passwordCompared = !disabled;
        return disabled;
    }

    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser) {
        passwordCompared = false;
        boolean valid = super.validatePassword(context, user, inputData, clearUser);
        if (!valid && passwordCompared) {
            SignInTurn.wrongPassword(context.getSession(), user);
        }
        if (valid) {
            SignInPasswordCheck.passwordProven(context, user, inputData.getFirst(CredentialRepresentation.PASSWORD));
            PasswordExpiryReminder.offer(context, user);
        }
        return valid;
    }
}
