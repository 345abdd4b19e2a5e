package dev.securitycenter.audit;

import dev.securitycenter.audit.AuditEvent.UserRef;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;

/** Names the users of Keycloak's events (which carry only ids) for audit records. */
public final class UserRefs {

    private UserRefs() {
    }

    /** The user's reference, or null when either id is missing or the user does not exist. */
    public static UserRef of(KeycloakSession session, String realmId, String userId) {
        if (realmId == null || userId == null) {
            return null;
        }
        RealmModel realm = session.realms().getRealm(realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        return user == null ? null : new UserRef(user.getId(), user.getUsername());
    }

    /**
     * The owner of a session being ended in this transaction, or null when it is not known. Keycloak removes the
     * session before it announces the removal (an admin's {@code DELETE sessions/{id}} names only the session), so
     * the owner is read from Keycloak's persisted session row, which goes only when the transaction commits. Without
     * persistent user sessions (a feature on by default) there is no such row and the owner stays unknown.
     */
    public static UserRef ofEndedSession(KeycloakSession session, String realmId, String sessionId) {
        if (realmId == null || sessionId == null) {
            return null;
        }
        List<String> owners = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("select s.userId from PersistentUserSessionEntity s"
                        + " where s.userSessionId = :id and s.realmId = :realm", String.class)
                .setParameter("id", sessionId)
                .setParameter("realm", realmId)
                .setMaxResults(1)
                .getResultList();
        return owners.isEmpty() ? null : of(session, realmId, owners.get(0));
    }
}
