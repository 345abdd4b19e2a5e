package dev.securitycenter.password;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.RecordedEventHandlerFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Notes a new password's compliance levels (and that it was found in no breach) the moment Keycloak confirms the change (user or admin). */
public class PasswordChangedHandler implements RecordedEventHandlerFactory {

    @Override
    public String getId() {
        return "password-changed";
    }

    /** The levels were noted when the password was validated; they become the user's once it is really set. */
    @Override
    public void onRecorded(KeycloakSession session, String realmId, AuditEvent recorded) {
        if (recorded.type() == AuditEventType.PASSWORD_CHANGED && recorded.subject() != null) {
            RealmModel realm = session.realms().getRealm(realmId);
            PasswordComplianceRecorder.passwordChanged(session, realm, recorded.subject().id());
            BreachCheckMarker.passwordChanged(session, realm, recorded.subject().id());
        }
    }
}
