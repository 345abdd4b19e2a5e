package dev.securitycenter.mfa.code;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Required action {@code security-center-sms-setup}; {@link Email}: {@code security-center-email-setup}. */
public class CodeSetupActionFactory implements RequiredActionFactory {

    private final CodeChannel channel;
    private final String displayText;
    private KeycloakSessionFactory sessionFactory;

    public CodeSetupActionFactory() {
        this(CodeChannel.SMS, "Set up SMS codes");
    }

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

    public static class Email extends CodeSetupActionFactory {
        public Email() {
            super(CodeChannel.EMAIL, "Set up email codes");
        }
    }
}
