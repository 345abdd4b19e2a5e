package dev.securitycenter.mfa.passkey;

import dev.securitycenter.audit.SecondFactorChallenge;
import dev.securitycenter.mfa.factor.PolicyCredentialType;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.MfaMethod;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.WebAuthnPasswordlessAuthenticator;
import org.keycloak.authentication.authenticators.browser.WebAuthnPasswordlessAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A passkey as the second step after a password: Keycloak's passwordless WebAuthn authenticator (its page, its
 * signature and counter checks), offered only while the policy allows passkeys and to users who have one.
 */
public class PasskeySecondStepFactory extends WebAuthnPasswordlessAuthenticatorFactory {

    public static final String ID = "security-center-passkey";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PasskeySecondStep(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Security Center passkey";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's passkey (passwordless WebAuthn) check as a second step, offered while the 2FA policy"
                + " (Settings > Security) allows passkeys.";
    }

    static class PasskeySecondStep extends WebAuthnPasswordlessAuthenticator {

        PasskeySecondStep(KeycloakSession session) {
            super(session);
        }

        /** As a second step it proves the user already named, and Keycloak asks only users it is configured for. */
        @Override
        public boolean requiresUser() {
            return true;
        }

        @Override
        public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
            return SecondFactorMethods.usable(realm, user, MfaMethod.PASSKEY);
        }

        @Override
        public void action(AuthenticationFlowContext context) {
            SecondFactorChallenge.answered(context.getEvent(), MfaMethod.PASSKEY.name());
            super.action(context);
        }

        @Override
        protected String getCredentialType() {
            return PolicyCredentialType.offered(session, MfaMethod.PASSKEY, super.getCredentialType());
        }
    }
}
