package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.signin.SecondFactorStepFactory;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * The SMS-code step ({@link Email}: the email-code step). Options {@code code-ttl-seconds} (default 300) and
 * {@code resend-interval-seconds} (default 60), e.g.
 * {@code --spi-authenticator--security-center-sms-code--code-ttl-seconds=120}; enrolment uses the same values.
 */
public class CodeAuthenticatorFactory extends SecondFactorStepFactory {

    private final CodeChannel channel;
    private CodeSettings settings = CodeSettings.DEFAULT;

    public CodeAuthenticatorFactory() {
        this(CodeChannel.SMS, "Security Center SMS code", "Signs in with a code sent by SMS to the verified phone"
                + " number, while the 2FA policy allows SMS.");
    }

    CodeAuthenticatorFactory(CodeChannel channel, String displayType, String helpText) {
        // "otp" is the brute-force protector's category for second factors: wrong codes count as failed logins
        super(channel.authenticatorId(), displayType, helpText, OTPCredentialModel.TYPE, null);
        this.channel = channel;
    }

    @Override
    public void init(Config.Scope config) {
        settings = CodeSettings.from(config);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CodeAuthenticator(channel, settings);
    }

    /** The code settings of a channel, as configured on its sign-in step. */
    public static CodeSettings settings(KeycloakSessionFactory factory, CodeChannel channel) {
        return ((CodeAuthenticatorFactory) factory.getProviderFactory(Authenticator.class, channel.authenticatorId()))
                .settings;
    }

    public static class Email extends CodeAuthenticatorFactory {
        public Email() {
            super(CodeChannel.EMAIL, "Security Center email code", "Signs in with a code sent to the verified email"
                    + " address, while the 2FA policy allows email.");
        }
    }
}
