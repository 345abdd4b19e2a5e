package dev.securitycenter.lockout;

import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditQuery;
import dev.securitycenter.audit.AuditStore;
import dev.securitycenter.notify.AfterCommitMail;
import dev.securitycenter.notify.UserManagers;
import dev.securitycenter.policy.NotificationRules;
import dev.securitycenter.policy.PolicyAttributes;
import dev.securitycenter.policy.PolicyDefaults;
import org.keycloak.common.util.Time;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.BruteForceProtector;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mail about lockouts, per the policy: the locked user is told (only at a verified address), and when the same
 * user has been locked {@value #ALERT_THRESHOLD} or more times in 24 hours, everyone who may manage the realm's
 * users is alerted; with the policy's {@code notifications.adminEachLockout}, on every lockout ("User jsmith
 * locked"). Admins hear at most once an hour per locked user whatever an attacker does. Sent after the lockout
 * commits. A failure recorded for a user already locked until an admin unlocks them (a guess checked on another
 * node of a cluster at the same moment) makes Keycloak announce that lockout again, but mails nobody.
 */
public final class LockoutNotifier {

    static final int ALERT_THRESHOLD = 3;
    static final String USER_TEMPLATE = "security-center-account-locked.ftl";
    static final String USER_SUBJECT = "securityCenterAccountLockedSubject";
    static final String ALERT_TEMPLATE = "security-center-lockout-alert.ftl";
    static final String ALERT_SUBJECT = "securityCenterLockoutAlertSubject";
    static final String EACH_ALERT_TEMPLATE = "security-center-lockout-each-alert.ftl";
    static final String EACH_ALERT_SUBJECT = "securityCenterLockoutEachAlertSubject";
    static final long ALERT_INTERVAL_SECONDS = Duration.ofHours(1).toSeconds();
    private static final String ALERT_SENT_KEY = "securityCenter.lockoutAlert.";

    private final KeycloakSession session;

    public LockoutNotifier(KeycloakSession session) {
        this.session = session;
    }

    /** Called in the transaction that records the lockout (which is not in the audit log until it commits). */
    public void locked(RealmModel realm, String userId, boolean permanent) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null || permanent && wasLockedUntilUnlock(realm.getId(), userId)) {
            return;
        }
        if (realm.getAttribute(PolicyAttributes.LOCKOUT_EMAIL_USER, PolicyDefaults.LOCKOUT_EMAIL_USER)
                && user.getEmail() != null && user.isEmailVerified()) {
            AfterCommitMail.send(session, realm, List.of(userId), USER_SUBJECT, List.of(), USER_TEMPLATE,
                    Map.of("permanent", permanent));
        }
        boolean repeatedAlert = realm.getAttribute(PolicyAttributes.LOCKOUT_NOTIFY_ADMINS,
                PolicyDefaults.LOCKOUT_NOTIFY_ADMINS);
        boolean eachAlert = NotificationRules.of(realm).adminEachLockout();
        if (repeatedAlert || eachAlert) {
            long lockouts = earlierLockoutsToday(realm, userId) + 1;
            boolean repeated = repeatedAlert && lockouts >= ALERT_THRESHOLD;
            if (repeated || eachAlert) {
                // one alert an hour per locked user whichever kind it is: the repeated one says more
                alertOncePerHour(realm.getId(), user, repeated ? ALERT_SUBJECT : EACH_ALERT_SUBJECT,
                        repeated ? ALERT_TEMPLATE : EACH_ALERT_TEMPLATE, Map.of("lockedUsername",
                                user.getUsername(), "lockouts", lockouts, "permanent", permanent));
            }
        }
    }

    /**
     * Whether the user was disabled by a permanent lockout before this transaction, which has not committed: read
     * in a transaction of its own. (Keycloak's failure count is no guide here: a node's sessions may see another
     * transaction's count before it commits.)
     */
    private boolean wasLockedUntilUnlock(String realmId, String userId) {
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), committed -> {
            RealmModel realm = committed.realms().getRealm(realmId);
            if (realm == null) {
                return false;
            }
            committed.getContext().setRealm(realm);
            UserModel user = committed.users().getUserById(realm, userId);
            return user != null && !user.isEnabled() && BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT
                    .equals(user.getFirstAttribute(UserModel.DISABLED_REASON));
        });
    }

    /**
     * Once the lockout has committed, claims the hour's alert for this user in Keycloak's cluster-wide
     * single-use store; only the claimant mails the admins.
     */
    private void alertOncePerHour(String realmId, UserModel user, String subject, String template,
                                  Map<String, Object> attributes) {
        String userId = user.getId();
        String username = user.getUsername();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                KeycloakModelUtils.runJobInTransaction(factory, alerting -> {
                    RealmModel realm = alerting.realms().getRealm(realmId);
                    if (realm == null) {
                        return;
                    }
                    alerting.getContext().setRealm(realm);
                    if (alerting.singleUseObjects()
                            .putIfAbsent(ALERT_SENT_KEY + realmId + "." + userId, ALERT_INTERVAL_SECONDS)) {
                        AfterCommitMail.send(alerting, realm, UserManagers.of(alerting, realm), subject,
                                List.of(username), template, attributes);
                    }
                });
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private long earlierLockoutsToday(RealmModel realm, String userId) {
        long since = Time.currentTimeMillis() - Duration.ofHours(24).toMillis();
        return new AuditStore(session).page(new AuditQuery(realm.getId(), Set.of(AuditEventType.ACCOUNT_LOCKED),
                userId, since, null), 0, 500).size();
    }
}
