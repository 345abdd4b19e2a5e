package dev.securitycenter.notify;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.RecordedEventHandlerFactory;
import dev.securitycenter.audit.SignInMethod;
import dev.securitycenter.flow.HourlySlots;
import dev.securitycenter.policy.NotificationRules;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a user that their password or second factor changed (NIST 800-63B rev 4 §4.6, ASVS 5.0 6.3.6): a password
 * changed by them or by an admin, a second factor added or removed, recovery codes made anew, and a sign-in that
 * used one of their recovery codes (account recovery: a thief with the printed codes signs in like the owner). It
 * reacts to what the audit log records, so every path that changes a credential (account console, account API,
 * required action, admin reset) mails alike. While the realm's switch is on, nobody can opt out: the mail is how a
 * person learns that someone else changed how their account is protected. Sent after commit, to a verified address
 * only, at most {@value #MAILS_PER_HOUR} an hour per user, each with a "This wasn't me" link.
 */
public class CredentialChangeMailHandler implements RecordedEventHandlerFactory {

    static final String TEMPLATE = "security-center-credential-changed.ftl";
    static final int MAILS_PER_HOUR = 10;
    private static final String RECOVERY_CODE_USED = "recoveryCodeUsed";

    @Override
    public String getId() {
        return "credential-change-mail";
    }

    /**
     * A recovery code's use is told when the sign-in it was part of ends, which may be requests later (after
     * required actions); the note it left in the user session is taken, so the session's later sign-ins to other
     * clients (single sign-on) do not tell it again.
     */
    @Override
    public void onEvent(KeycloakSession session, Event event, AuditEvent recorded) {
        if (event.getType() == EventType.LOGIN && recorded != null && recorded.subject() != null
                && tookRecoveryCodeNote(session, event)) {
            tell(session, event.getRealmId(), recorded, RECOVERY_CODE_USED);
            return;
        }
        RecordedEventHandlerFactory.super.onEvent(session, event, recorded);
    }

    @Override
    public void onRecorded(KeycloakSession session, String realmId, AuditEvent recorded) {
        if (recorded.subject() != null) {
            change(recorded).ifPresent(change -> tell(session, realmId, recorded, change));
        }
    }

    private static boolean tookRecoveryCodeNote(KeycloakSession session, Event event) {
        Optional<UserSessionModel> userSession = SignInMethod.signedInWithRecoveryCode(session, event.getRealmId(),
                event.getSessionId());
        userSession.ifPresent(signedIn -> signedIn.removeNote(SignInMethod.RECOVERY_CODE_NOTE));
        return userSession.isPresent();
    }

    private void tell(KeycloakSession session, String realmId, AuditEvent recorded, String change) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null || !NotificationRules.of(realm).credentialChanges()) {
            return;
        }
        UserModel user = session.users().getUserById(realm, recorded.subject().id());
        if (user == null || user.getEmail() == null || !user.isEmailVerified()
                || !new HourlySlots(session.singleUseObjects())
                .take("security-center-mail." + getId() + "." + realm.getId() + "." + user.getId(), MAILS_PER_HOUR)) {
            return;
        }
        Object method = recorded.details().get("method");
        AfterCommitMail.send(session, realm, List.of(user.getId()), "securityCenterCredentialChangedSubject-"
                        + change, List.of(), TEMPLATE, Map.of(
                "change", change,
                "method", method == null ? "" : method.toString(),
                "when", NewSignInHandler.WHEN.format(Instant.ofEpochMilli(recorded.time())),
                "ipAddress", Optional.ofNullable(recorded.ipAddress()).orElse(""),
                "reportUrl", ThisWasntMeToken.link(session, realm, user.getId(), KeycloakModelUtils.generateId(),
                        recorded.type().code())));
    }

    /** Which change a mail describes (the suffix of its message keys), for the events that are one. */
    private static Optional<String> change(AuditEvent recorded) {
        return Optional.ofNullable(switch (recorded.type()) {
            case PASSWORD_CHANGED -> Boolean.TRUE.equals(recorded.details().get("byAdmin")) ? "passwordByAdmin"
                    : "password";
            case TWO_FACTOR_ENABLED -> "secondFactorAdded";
            case TWO_FACTOR_DISABLED -> "secondFactorRemoved";
            case RECOVERY_CODES_REGENERATED -> "recoveryCodes";
            default -> null;
        });
    }
}
