package dev.securitycenter.lockout;

import dev.securitycenter.audit.SecurityEventHandler;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link LockoutMailHandler} with the audit listener's dispatch. */
public class LockoutMailHandlerFactory implements SecurityEventHandlerFactory {

    @Override
    public SecurityEventHandler create(KeycloakSession session) {
        return new LockoutMailHandler(session);
    }

    @Override
    public String getId() {
        return "lockout-mail";
    }
}
