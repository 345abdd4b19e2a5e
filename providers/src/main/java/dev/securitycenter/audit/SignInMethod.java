package dev.securitycenter.audit;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

import java.util.Optional;

/**
 * The event details through which a sign-in step tells the audit log how the user proved who they are, for
 * {@code auth.login_succeeded}'s {@code details.method} ("passkey", "recovery_code": Keycloak's own login event does
 * not say which credential signed) and {@code details.credentialId}, the id of the passkey that signed (Keycloak keeps
 * no last-used time for credentials, so the account page derives it from these events); and the user-session note
 * that carries a recovery code's use to the sign-in's end: required actions after the code (a password change, an
 * enrolment) end the sign-in in a later request, whose event no longer holds the detail, while the note is copied
 * into the user session when it is created.
 */
public final class SignInMethod {

    public static final String DETAIL = "security_center_sign_in_method";
    public static final String PASSKEY = "passkey";
    public static final String RECOVERY_CODE = "recovery_code";
    /** User-session note set by a recovery-code step; taken (and removed) by the mail that tells of it. */
    public static final String RECOVERY_CODE_NOTE = "security_center_recovery_code_used";
    public static final String CREDENTIAL_DETAIL = "security_center_credential_id";
    /** The key of the signing credential's id in the audit event's details. */
    public static final String CREDENTIAL_ID = "credentialId";

    private SignInMethod() {
    }

    /** The user session, while it still holds the note of a recovery code used to sign in to it. */
    public static Optional<UserSessionModel> signedInWithRecoveryCode(KeycloakSession session, String realmId,
                                                                      String sessionId) {
        RealmModel realm = realmId == null || sessionId == null ? null : session.realms().getRealm(realmId);
        UserSessionModel userSession = realm == null ? null : session.sessions().getUserSession(realm, sessionId);
        return Optional.ofNullable(userSession).filter(found -> found.getNote(RECOVERY_CODE_NOTE) != null);
    }
}
