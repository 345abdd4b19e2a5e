package dev.securitycenter.mfa;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.theme.Theme;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Send reminder email to users without 2FA": every enabled person without a second factor who has an email address
 * gets the reminder. The mail goes out only after the request's transaction commits (a rolled-back request sends
 * nothing), from a transaction of its own so one failing address does not stop the rest.
 */
public final class MfaReminders {

    private static final Logger LOG = Logger.getLogger(MfaReminders.class);
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
        String realmId = realm.getId();
        String accountUrl = session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path("account").build() + "/";
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                KeycloakModelUtils.runJobInTransaction(factory, mailer -> deliver(mailer, realmId, recipients, accountUrl));
            }

            @Override
            protected void rollbackImpl() {
            }
        });
        return recipients.size();
    }

    private static void deliver(KeycloakSession mailer, String realmId, List<String> userIds, String accountUrl) {
        RealmModel realm = mailer.realms().getRealm(realmId);
        mailer.getContext().setRealm(realm);
        int failed = 0;
        for (String userId : userIds) {
            UserModel user = mailer.users().getUserById(realm, userId);
            if (user == null || user.getEmail() == null) {
                continue;
            }
            try {
                // the provider adds user, realmName and locale to this map, so it must be mutable
                Map<String, Object> attributes = new HashMap<>();
                attributes.put("accountUrl", accountUrl);
                mailer.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                        .send(SUBJECT_KEY, TEMPLATE, attributes);
            } catch (EmailException e) {
                failed++;
                LOG.warnf(e, "2FA reminder to user %s of realm %s could not be sent", userId, realm.getName());
            }
        }
        if (failed > 0) {
            LOG.warnf("%d of %d 2FA reminders of realm %s could not be sent", failed, userIds.size(), realm.getName());
        }
    }
}
