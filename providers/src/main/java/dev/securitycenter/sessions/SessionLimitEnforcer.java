package dev.securitycenter.sessions;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

import java.util.Comparator;
import java.util.List;

/**
 * Applies a lowered concurrent-session limit to sessions that already exist: each user keeps their newest
 * {@code limit} sessions and the older ones are logged out the way an admin logout does (clients notified).
 */
public final class SessionLimitEnforcer {

    private final KeycloakSession session;

    public SessionLimitEnforcer(KeycloakSession session) {
        this.session = session;
    }

    /** Ends every session beyond the limit, oldest first; returns how many were ended. */
    public int enforce(RealmModel realm, int limit) {
        int ended = 0;
        for (String userId : new SessionCounts(session).excess(realm, limit).keySet()) {
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null) {
                continue;
            }
            List<UserSessionModel> newestFirst = session.sessions().getUserSessionsStream(realm, user)
                    .sorted(Comparator.comparingInt(UserSessionModel::getStarted).reversed()
                            .thenComparing(UserSessionModel::getId, Comparator.reverseOrder()))
                    .toList();
            for (UserSessionModel old : newestFirst.subList(Math.min(limit, newestFirst.size()), newestFirst.size())) {
                AuthenticationManager.backchannelLogout(session, realm, old, session.getContext().getUri(),
                        session.getContext().getConnection(), session.getContext().getRequestHeaders(), true);
                ended++;
            }
        }
        return ended;
    }
}
