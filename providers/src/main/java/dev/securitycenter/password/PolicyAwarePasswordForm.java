package dev.securitycenter.password;

import dev.securitycenter.flow.SessionEndedByLimit;
import dev.securitycenter.flow.SignInTurn;
import dev.securitycenter.policy.SecurityPolicyReader;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Keycloak's username and password form, plus the policy check of a correct password and the expiry reminder
 * (browser flow). While SSO is required the page offers the identity providers, with the form folded away for the
 * break-glass admins, and a correct password of anyone else is refused.
 */
public class PolicyAwarePasswordForm extends UsernamePasswordForm {

    static final String SESSION_ENDED_MESSAGE = "securityCenterSessionEndedByLimit";
    static final String SSO_REQUIRED_MESSAGE = "securityCenterSsoRequired";
    static final String SSO_LOGIN_PAGE = "security-center-sso-login.ftl";

    private final KeycloakSession session;

    /** Set when Keycloak's brute-force check let this request's password be compared (one instance per request). */
    private boolean passwordCompared;

    public PolicyAwarePasswordForm(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    /** A browser whose session a newer sign-in ended (session limit) is told so above the sign-in form. */
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (SessionEndedByLimit.takeNoticeForThisBrowser(context.getSession())) {
            context.form().setInfo(SESSION_ENDED_MESSAGE);
        }
        super.authenticate(context);
    }

    /** The first showing of the page. */
    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        if (!ssoRequired()) {
            return super.challenge(context, formData);
        }
        if (!formData.isEmpty()) {
            context.form().setFormData(formData);
        }
        return context.form().createForm(SSO_LOGIN_PAGE);
    }

    /** The page shown again with an error. */
    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        return ssoRequired() ? form.createForm(SSO_LOGIN_PAGE) : super.createLoginForm(form);
    }

    private boolean ssoRequired() {
        return SecurityPolicyReader.sso(session.getContext().getRealm()).required();
    }

    /**
     * Parallel attempts for one user take turns, so that each one sees the failures before it; an attempt refused
     * by its turn gets exactly the answer Keycloak gives for a locked user.
     */
    @Override
    protected boolean isDisabledByBruteForce(AuthenticationFlowContext context, UserModel user) {
        boolean disabled = SignInTurn.refused(context, user, error -> challenge(context,
                disabledByBruteForceError(error), disabledByBruteForceFieldError()));
        passwordCompared = !disabled;
        return disabled;
    }

    /**
     * The refusal comes only after a correct password, as Keycloak does for a disabled account: whoever does not know
     * the password learns nothing about the user, and a refusal is no failed guess, so it never counts towards a
     * lockout.
     */
    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser) {
        passwordCompared = false;
        boolean valid = super.validatePassword(context, user, inputData, clearUser);
        if (!valid && passwordCompared) {
            SignInTurn.wrongGuess(context.getSession(), user);
        }
        if (valid && SsoRequirement.refusesPassword(context.getRealm(), user)) {
            context.getAuthenticationSession().removeAuthNote(AuthenticationManager.PASSWORD_VALIDATED);
            context.getEvent().user(user);
            context.getEvent().error(SsoRequirement.ERROR);
            // the user goes on through an identity provider, which must not find someone already signed in
            context.clearUser();
            context.forceChallenge(challenge(context, SSO_REQUIRED_MESSAGE, null));
            return false;
        }
        if (valid) {
            SignInPasswordCheck.passwordProven(context, user, inputData.getFirst(CredentialRepresentation.PASSWORD));
            PasswordExpiryReminder.offer(context, user);
        }
        return valid;
    }
}
