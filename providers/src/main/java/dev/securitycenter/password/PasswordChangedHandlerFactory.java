package dev.securitycenter.password;

import dev.securitycenter.audit.SecurityEventHandler;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link PasswordChangedHandler} with the audit listener's dispatch. */
public class PasswordChangedHandlerFactory implements SecurityEventHandlerFactory {

    @Override
    public SecurityEventHandler create(KeycloakSession session) {
        return new PasswordChangedHandler(session);
    }

    @Override
    public String getId() {
        return "password-changed";
    }
}
