package dev.securitycenter.sessions;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import dev.securitycenter.flow.SessionEndedByLimit;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;

/** Notes the sessions that Keycloak's session-limit step ends (see {@link SessionEndedByLimit}). */
public class SessionLimitLogoutHandler implements SecurityEventHandlerFactory {

    @Override
    public String getId() {
        return "session-limit-logout";
    }

    @Override
    public void onEvent(KeycloakSession session, Event event, AuditEvent recorded) {
        if (event.getType() == EventType.LOGOUT) {
            SessionEndedByLimit.noticeLogout(session, session.realms().getRealm(event.getRealmId()), event);
        }
    }
}
