package dev.securitycenter.sessions;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.SecurityEventHandler;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;

/** Notes the sessions that Keycloak's session-limit step ends (see {@link SessionEndedByLimit}). */
public class SessionLimitLogoutHandler implements SecurityEventHandler {

    private final KeycloakSession session;

    SessionLimitLogoutHandler(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event, AuditEvent recorded) {
        if (event.getType() == EventType.LOGOUT) {
            SessionEndedByLimit.noticeLogout(session, session.realms().getRealm(event.getRealmId()), event);
        }
    }
}
