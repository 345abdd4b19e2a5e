package dev.securitycenter.audit;

import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * A handler that reacts to what the audit log recorded, whoever caused it: the same audit event (a password
 * changed, a second factor added) comes from a user's action as well as from an admin's, and is handled alike.
 * Events the audit log does not record never reach {@link #onRecorded}.
 */
public interface RecordedEventHandlerFactory extends SecurityEventHandlerFactory {

    void onRecorded(KeycloakSession session, String realmId, AuditEvent recorded);

    @Override
    default void onEvent(KeycloakSession session, Event event, AuditEvent recorded) {
        if (recorded != null) {
            onRecorded(session, event.getRealmId(), recorded);
        }
    }

    @Override
    default void onAdminEvent(KeycloakSession session, AdminEvent event, AuditEvent recorded) {
        if (recorded != null) {
            onRecorded(session, event.getRealmId(), recorded);
        }
    }
}
