package dev.securitycenter.sessions;

import dev.securitycenter.audit.SecurityEventHandler;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link SessionLimitLogoutHandler} with the audit listener's dispatch. */
public class SessionLimitLogoutHandlerFactory implements SecurityEventHandlerFactory {

    @Override
    public SecurityEventHandler create(KeycloakSession session) {
        return new SessionLimitLogoutHandler(session);
    }

    @Override
    public String getId() {
        return "session-limit-logout";
    }
}
