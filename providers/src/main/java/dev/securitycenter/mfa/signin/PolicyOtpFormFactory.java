package dev.securitycenter.mfa.signin;

import dev.securitycenter.audit.SecondFactorChallenge;
import dev.securitycenter.flow.SignInTurn;
import dev.securitycenter.mfa.factor.PolicyCredentialType;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.MfaMethod;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's own OTP form (its page, replay refusal, brute-force handling), offered only while the policy allows
 * authenticator apps, with attempts for one user taking turns.
 */
public class PolicyOtpFormFactory extends OTPFormAuthenticatorFactory {

    public static final String ID = "security-center-otp-form";
    private static final Authenticator FORM = new PolicyOtpForm();

    @Override
    public Authenticator create(KeycloakSession session) {
        return FORM;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Security Center OTP form";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's OTP form, offered while the 2FA policy (Settings > Security) allows authenticator apps.";
    }

    static class PolicyOtpForm extends OTPFormAuthenticator {
        @Override
        public void action(AuthenticationFlowContext context) {
            SecondFactorChallenge.answered(context.getEvent(), MfaMethod.TOTP.name());
            super.action(context);
            // Keycloak's form fails with invalid credentials only after comparing a wrong code
            if (context.getError() == AuthenticationFlowError.INVALID_CREDENTIALS) {
                SignInTurn.wrongGuess(context.getSession(), context.getUser());
            }
        }

        /** Attempts for one user take turns, as at the password step ({@link SignInTurn}). */
        @Override
        protected boolean isDisabledByBruteForce(AuthenticationFlowContext context, UserModel user) {
            return SignInTurn.refused(context, user, error -> challenge(context, disabledByBruteForceError(error),
                    disabledByBruteForceFieldError()));
        }

        @Override
        public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
            return SecondFactorMethods.usable(realm, user, MfaMethod.TOTP);
        }

        @Override
        public String getType(KeycloakSession session) {
            return PolicyCredentialType.offered(session, MfaMethod.TOTP, super.getType(session));
        }
    }
}
