package dev.securitycenter.audit;

import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * A capability's reaction to Keycloak's events (a password changed, an account locked, a session ended, a policy
 * setting changed in the stock console). The audit listener hands it every event after recording it, in the same
 * transaction, together with the audit record written for it ({@code null} when the event is not audited), so a
 * reaction sees exactly what the audit log saw. Each capability registers its handlers through
 * {@link SecurityEventHandlerFactory}; the listener knows none of them. Handlers keep no state: the session comes
 * with each event.
 */
public interface SecurityEventHandler extends Provider {

    default void onEvent(KeycloakSession session, Event event, AuditEvent recorded) {
    }

    default void onAdminEvent(KeycloakSession session, AdminEvent event, AuditEvent recorded) {
    }
}
