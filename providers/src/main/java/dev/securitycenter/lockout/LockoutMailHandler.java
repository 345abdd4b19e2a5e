package dev.securitycenter.lockout;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import org.keycloak.events.Event;
import org.keycloak.models.KeycloakSession;

/** Sends the lockout mails (see {@link LockoutNotifier}) when the brute-force detector locks a user. */
public class LockoutMailHandler implements SecurityEventHandlerFactory {

    @Override
    public String getId() {
        return "lockout-mail";
    }

    @Override
    public void onEvent(KeycloakSession session, Event event, AuditEvent recorded) {
        if (recorded != null && recorded.type() == AuditEventType.ACCOUNT_LOCKED && recorded.subject() != null) {
            new LockoutNotifier(session).locked(session.realms().getRealm(event.getRealmId()),
                    recorded.subject().id(), Boolean.TRUE.equals(recorded.details().get("permanent")));
        }
    }
}
