package dev.securitycenter.password;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

public class PolicyAwarePasswordFormFactory extends UsernamePasswordFormFactory {

    public static final String ID = "security-center-password-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PolicyAwarePasswordForm(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Security Center username and password";
    }

    @Override
    public String getHelpText() {
        return "Username and password form that also makes users change a password the current policy no longer"
                + " accepts.";
    }
}
