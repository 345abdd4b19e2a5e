package dev.securitycenter.password;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each user's {@link PasswordCompliance} in the user attribute {@value #ATTRIBUTE}. When a new password is
 * validated its levels are only noted in the session; they are stored once Keycloak reports the password as
 * changed, so a password that was refused (or a transaction that rolled back) leaves the record as it was.
 */
public final class PasswordComplianceRecorder {

    public static final String ATTRIBUTE = "securityCenter.passwordCompliance";
    private static final String PENDING = PasswordComplianceRecorder.class.getName() + ".pending";

    private PasswordComplianceRecorder() {
    }

    static void noteValidated(KeycloakSession session, UserModel user, String password) {
        pending(session).put(user.getId(), PasswordCompliance.of(password));
    }

    /** Called when Keycloak reports the user's password as changed in this session. */
    public static void passwordChanged(KeycloakSession session, RealmModel realm, String userId) {
        PasswordCompliance compliance = pending(session).remove(userId);
        if (compliance == null) {
            return;
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user != null) {
            record(user, compliance);
        }
    }

    /** Stores the levels of a password the user has just proven or set (sign-in, self-service change). */
    public static void record(UserModel user, PasswordCompliance compliance) {
        String encoded = compliance.encode();
        if (!encoded.equals(user.getFirstAttribute(ATTRIBUTE))) {
            user.setSingleAttribute(ATTRIBUTE, encoded);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PasswordCompliance> pending(KeycloakSession session) {
        Map<String, PasswordCompliance> pending = session.getAttribute(PENDING, Map.class);
        if (pending == null) {
            pending = new HashMap<>();
            session.setAttribute(PENDING, pending);
        }
        return pending;
    }
}
