package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import dev.securitycenter.mfa.factor.SecondFactorStepFactory;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * A sign-in step that asks for a code sent through one channel (see {@link SmsCodeAuthenticatorFactory},
 * {@link EmailCodeAuthenticatorFactory}). Options {@code code-ttl-seconds} (default 300) and
 * {@code resend-interval-seconds} (default 60), e.g.
 * {@code --spi-authenticator--security-center-sms-code--code-ttl-seconds=120}; enrolment uses the same values.
 */
public abstract class CodeAuthenticatorFactory extends SecondFactorStepFactory {

    private final CodeChannel channel;
    private CodeSettings settings = CodeSettings.DEFAULT;

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
}
