package dev.securitycenter.password;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/** Notes a new password's compliance levels the moment Keycloak confirms the change (user or admin). */
public class PasswordChangedHandler implements SecurityEventHandlerFactory {

    @Override
    public String getId() {
        return "password-changed";
    }

    @Override
    public void onEvent(KeycloakSession session, Event event, AuditEvent recorded) {
        passwordChanged(session, event.getRealmId(), recorded);
    }

    @Override
    public void onAdminEvent(KeycloakSession session, AdminEvent event, AuditEvent recorded) {
        passwordChanged(session, event.getRealmId(), recorded);
    }

    /** The levels were noted when the password was validated; they become the user's once it is really set. */
    private static void passwordChanged(KeycloakSession session, String realmId, AuditEvent recorded) {
        if (recorded != null && recorded.type() == AuditEventType.PASSWORD_CHANGED && recorded.subject() != null) {
            PasswordComplianceRecorder.passwordChanged(session, session.realms().getRealm(realmId),
                    recorded.subject().id());
        }
    }
}
