package dev.securitycenter.sessions;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.policy.PolicyContributionFactory;
import dev.securitycenter.policy.PolicyPreview.Warning;
import dev.securitycenter.policy.SaveReport;
import dev.securitycenter.policy.SecurityPolicy;
import dev.securitycenter.policy.SessionRules;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The sessions section of the policy: the write-through into the SSO timeouts, ending the sessions beyond a
 * lowered concurrent-session limit (the limit itself is the managed flows' step), and the previews of both.
 */
public class SessionPolicyContribution implements PolicyContributionFactory {

    @Override
    public String getId() {
        return "sessions";
    }

    @Override
    public int rank() {
        return 30;
    }

    @Override
    public void write(KeycloakSession session, RealmModel realm, SecurityPolicy policy, UserRef actor) {
        sso(realm, policy.sessions());
    }

    /** A lowered limit ends the sessions beyond it at once, oldest first. */
    @Override
    public void afterWrite(KeycloakSession session, RealmModel realm, SecurityPolicy policy, SaveReport report) {
        Integer limit = policy.sessions().maxConcurrentSessions();
        if (limit != null) {
            report.sessionsTerminated(new SessionLimitEnforcer(session).enforce(realm, limit));
        }
    }

    @Override
    public List<Warning> warnings(KeycloakSession session, RealmModel realm, SecurityPolicy current,
                                  SecurityPolicy next, String callerAddress) {
        List<Warning> warnings = new ArrayList<>();
        sessions(session, realm, current.sessions(), next.sessions(), warnings);
        return warnings;
    }

    private static void sso(RealmModel realm, SessionRules sessions) {
        int lifetime = sessions.maxLifetimeHours() * 3600;
        realm.setSsoSessionMaxLifespan(lifetime);
        // "Never": an idle timeout as long as the lifetime can never fire first (Keycloak has no real "never")
        realm.setSsoSessionIdleTimeout(sessions.idleTimeoutMinutes() == null ? lifetime
                : sessions.idleTimeoutMinutes() * 60);
    }

    private static void sessions(KeycloakSession session, RealmModel realm, SessionRules current,
                                 SessionRules next, List<Warning> warnings) {
        Integer idle = next.idleTimeoutMinutes();
        if (idle == null && current.idleTimeoutMinutes() != null) {
            warnings.add(new Warning("IDLE_TIMEOUT_NEVER", 0, "Not recommended for security."));
        }
        if (idle != null && (current.idleTimeoutMinutes() == null || idle < current.idleTimeoutMinutes())) {
            long users = new SessionCounts(session).usersIdleSince(realm, Time.currentTime() - idle * 60);
            warnings.add(new Warning("IDLE_TIMEOUT_SHORTER", users, "Reducing timeout to " + idle
                    + " minutes will log out " + users + " currently active users."));
        }
        Integer limit = next.maxConcurrentSessions();
        if (limit != null && (current.maxConcurrentSessions() == null || limit < current.maxConcurrentSessions())) {
            long excess = new SessionCounts(session).excess(realm, limit).values().stream()
                    .mapToLong(Long::longValue).sum();
            warnings.add(new Warning("SESSIONS_OVER_LIMIT", excess, excess
                    + " sessions will be terminated immediately."));
        }
    }
}
