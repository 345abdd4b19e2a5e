package dev.securitycenter.mfa;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import dev.securitycenter.notify.AfterCommitMail;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * "Send reminder email to users without 2FA": every enabled person without a second factor who has an email address
 * gets the reminder, once the request's transaction has committed.
 */
public final class MfaReminders {

    static final String TEMPLATE = "security-center-2fa-reminder.ftl";
    static final String SUBJECT_KEY = "securityCenter2faReminderSubject";

    private final KeycloakSession session;

    public MfaReminders(KeycloakSession session) {
        this.session = session;
    }

    public long count(RealmModel realm) {
        return new MfaAdoption(session).countWithout(realm, true);
    }

    /**
     * Whether the realm's email theme can render the reminder: it must be {@code security-center} or extend it.
     */
    public boolean templateAvailable() {
        try {
            return session.theme().getTheme(Theme.Type.EMAIL).getTemplate("text/" + TEMPLATE) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Queues the reminders to be sent after commit and records the action; returns how many will be sent. */
    public int send(RealmModel realm, UserRef actor, String ipAddress) {
        List<String> recipients = new MfaAdoption(session).usersWithout(realm, true).toList();
        AuditRecorder.of(session).record(realm.getId(), new AuditEvent(AuditEventType.TWO_FACTOR_REMINDERS_SENT,
                null, actor, null, ipAddress, Map.of("recipients", recipients.size()), Time.currentTimeMillis()));
        String accountUrl = session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path("account").build() + "/";
        AfterCommitMail.send(session, realm, recipients, SUBJECT_KEY, List.of(), TEMPLATE,
                Map.of("accountUrl", accountUrl));
        return recipients.size();
    }
}
