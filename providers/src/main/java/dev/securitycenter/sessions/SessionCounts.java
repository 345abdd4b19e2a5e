package dev.securitycenter.sessions;

import jakarta.persistence.EntityManager;
import org.keycloak.common.Profile;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.SessionExpirationUtils;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts a realm's live sessions for previews. With Keycloak's default persistent user sessions the database holds
 * every online session, so the counts are single aggregate queries that never load a user; with volatile sessions
 * they walk the session cache instead.
 */
public final class SessionCounts {

    private static final String LIVE = "from PersistentUserSessionEntity s where s.realmId = :realmId"
            + " and s.offline = '0' and s.lastSessionRefresh >= :aliveSince and s.createdOn >= :startedSince";

    private final KeycloakSession session;

    public SessionCounts(KeycloakSession session) {
        this.session = session;
    }

    /** How many users have a live session idle since before {@code idleSince} (epoch seconds). */
    public long usersIdleSince(RealmModel realm, int idleSince) {
        if (persistent()) {
            return live(realm, "select count(distinct s.userId) " + LIVE + " and s.lastSessionRefresh < :idleSince")
                    .setParameter("idleSince", idleSince)
                    .getSingleResult();
        }
        return session.sessions().readOnlyStreamUserSessions(realm)
                .filter(s -> s.getLastSessionRefresh() < idleSince)
                .map(s -> s.getUser().getId())
                .distinct()
                .count();
    }

    /** Users with more live sessions than {@code limit}, and how many more each has. */
    public Map<String, Long> excess(RealmModel realm, int limit) {
        if (persistent()) {
            EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            Stream<Object[]> rows = em.createQuery("select s.userId, count(s) " + LIVE
                            + " group by s.userId having count(s) > :limit", Object[].class)
                    .setParameter("realmId", realm.getId())
                    .setParameter("aliveSince", aliveSince(realm))
                    .setParameter("startedSince", startedSince(realm))
                    .setParameter("limit", (long) limit)
                    .getResultStream();
            return rows.collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1] - limit));
        }
        return session.sessions().readOnlyStreamUserSessions(realm)
                .collect(Collectors.groupingBy(s -> s.getUser().getId(),
                        Collectors.mapping(UserSessionModel::getId, Collectors.toSet())))
                .entrySet().stream()
                .filter(e -> e.getValue().size() > limit)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size() - limit));
    }

    private jakarta.persistence.TypedQuery<Long> live(RealmModel realm, String query) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery(query, Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("aliveSince", aliveSince(realm))
                .setParameter("startedSince", startedSince(realm));
    }

    private static int aliveSince(RealmModel realm) {
        return Time.currentTime() - SessionExpirationUtils.getSsoSessionIdleTimeout(realm);
    }

    private static int startedSince(RealmModel realm) {
        return Time.currentTime() - SessionExpirationUtils.getSsoSessionMaxLifespan(realm);
    }

    private static boolean persistent() {
        return Profile.isFeatureEnabled(Profile.Feature.PERSISTENT_USER_SESSIONS);
    }
}
