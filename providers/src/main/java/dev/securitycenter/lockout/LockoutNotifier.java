package dev.securitycenter.lockout;

import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditQuery;
import dev.securitycenter.audit.AuditStore;
import dev.securitycenter.notify.AfterCommitMail;
import dev.securitycenter.policy.PolicyAttributes;
import dev.securitycenter.policy.PolicyDefaults;
import dev.securitycenter.policy.RoleHolders;
import org.keycloak.common.util.Time;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mail about lockouts, per the policy: the locked user is told (only at a verified address), and when the same
 * user has been locked {@value #ALERT_THRESHOLD} or more times in 24 hours, everyone who may manage the realm's
 * users is alerted. Sent after the lockout commits.
 */
public final class LockoutNotifier {

    static final int ALERT_THRESHOLD = 3;
    static final String USER_TEMPLATE = "security-center-account-locked.ftl";
    static final String USER_SUBJECT = "securityCenterAccountLockedSubject";
    static final String ALERT_TEMPLATE = "security-center-lockout-alert.ftl";
    static final String ALERT_SUBJECT = "securityCenterLockoutAlertSubject";

    private final KeycloakSession session;

    public LockoutNotifier(KeycloakSession session) {
        this.session = session;
    }

    /** Called in the transaction that records the lockout (which is not in the audit log until it commits). */
    public void locked(RealmModel realm, String userId, boolean permanent) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return;
        }
        if (realm.getAttribute(PolicyAttributes.LOCKOUT_EMAIL_USER, PolicyDefaults.LOCKOUT_EMAIL_USER)
                && user.getEmail() != null && user.isEmailVerified()) {
            AfterCommitMail.send(session, realm, List.of(userId), USER_SUBJECT, List.of(), USER_TEMPLATE,
                    Map.of("permanent", permanent));
        }
        if (realm.getAttribute(PolicyAttributes.LOCKOUT_NOTIFY_ADMINS, PolicyDefaults.LOCKOUT_NOTIFY_ADMINS)) {
            long lockouts = earlierLockoutsToday(realm, userId) + 1;
            if (lockouts >= ALERT_THRESHOLD) {
                AfterCommitMail.send(session, realm, userManagers(realm), ALERT_SUBJECT,
                        List.of(user.getUsername()), ALERT_TEMPLATE,
                        Map.of("lockedUsername", user.getUsername(), "lockouts", lockouts, "permanent", permanent));
            }
        }
    }

    private long earlierLockoutsToday(RealmModel realm, String userId) {
        long since = Time.currentTimeMillis() - Duration.ofHours(24).toMillis();
        return new AuditStore(session).page(new AuditQuery(realm.getId(), Set.of(AuditEventType.ACCOUNT_LOCKED),
                userId, since, null), 0, 500).size();
    }

    private List<String> userManagers(RealmModel realm) {
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel manageUsers = realmManagement == null ? null : realmManagement.getRole(AdminRoles.MANAGE_USERS);
        if (manageUsers == null) {
            return List.of();
        }
        return new RoleHolders(session).of(realm, List.of(manageUsers))
                .filter(UserModel::isEnabled)
                .filter(admin -> admin.getEmail() != null)
                .map(UserModel::getId)
                .toList();
    }
}
