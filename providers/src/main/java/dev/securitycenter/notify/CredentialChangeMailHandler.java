package dev.securitycenter.notify;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import dev.securitycenter.flow.HourlySlots;
import dev.securitycenter.policy.NotificationRules;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a user that their password or second factor changed (NIST 800-63B rev 4 §4.6, ASVS 5.0 6.3.6): a password
 * changed by them or by an admin, a second factor added or removed, recovery codes made anew. It reacts to what
 * the audit log records, so every path that changes a credential (account console, account API, required action,
 * admin reset) mails alike. While the realm's switch is on, nobody can opt out: the mail is how a person learns
 * that someone else changed how their account is protected. Sent after commit, to a verified address only, at most
 * {@value #MAILS_PER_HOUR} an hour per user, each with a "This wasn't me" link.
 */
public class CredentialChangeMailHandler implements SecurityEventHandlerFactory {

    static final String TEMPLATE = "security-center-credential-changed.ftl";
    static final int MAILS_PER_HOUR = 10;

    @Override
    public String getId() {
        return "credential-change-mail";
    }

    @Override
    public void onEvent(KeycloakSession session, Event event, AuditEvent recorded) {
        changed(session, event.getRealmId(), recorded);
    }

    @Override
    public void onAdminEvent(KeycloakSession session, AdminEvent event, AuditEvent recorded) {
        changed(session, event.getRealmId(), recorded);
    }

    private void changed(KeycloakSession session, String realmId, AuditEvent recorded) {
        Optional<String> change = recorded == null || recorded.subject() == null ? Optional.empty()
                : change(recorded);
        RealmModel realm = change.isEmpty() ? null : session.realms().getRealm(realmId);
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
                        + change.get(), List.of(), TEMPLATE, Map.of(
                "change", change.get(),
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
