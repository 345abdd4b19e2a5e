package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The enrolment required action of one code channel (see {@link SmsCodeSetupActionFactory},
 * {@link EmailCodeSetupActionFactory}).
 */
public abstract class CodeSetupActionFactory implements RequiredActionFactory {

    private final CodeChannel channel;
    private final String displayText;
    private KeycloakSessionFactory sessionFactory;

    CodeSetupActionFactory(CodeChannel channel, String displayText) {
        this.channel = channel;
        this.displayText = displayText;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new CodeSetupAction(channel, CodeAuthenticatorFactory.settings(sessionFactory, channel));
    }

    @Override
    public String getId() {
        return channel.setupActionId();
    }

    @Override
    public String getDisplayText() {
        return displayText;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
    }

    @Override
    public void close() {
    }
}
