package dev.securitycenter.notify;

import dev.securitycenter.policy.PolicyAudience;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who of the people a policy change concerns can be told by mail (enabled, not a service account, with a verified
 * address), counted and paged in the database by user id, so a realm of any size is read a bounded page at a time.
 */
final class PolicyNoticeRecipients {

    private static final String PEOPLE = " from UserEntity u where u.realmId = :realmId and u.enabled = true"
            + " and u.serviceAccountClientLink is null and u.email is not null and u.emailVerified = true";

    private final EntityManager em;
    private final RealmModel realm;

    PolicyNoticeRecipients(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realm = realm;
    }

    /** Each person once, however many of the audiences they are in. */
    long count(List<PolicyAudience> audiences) {
        TypedQuery<Long> query = em.createQuery("select count(u)" + PEOPLE + " and ("
                + audiences.stream().map(a -> "(" + a.condition() + ")").collect(Collectors.joining(" or "))
                + ")", Long.class);
        query.setParameter("realmId", realm.getId());
        audiences.forEach(audience -> audience.parameters().forEach(query::setParameter));
        return query.getSingleResult();
    }

    /** Up to {@code max} of the audience, by id, after the id {@code after} ("" for the first page). */
    List<String> page(PolicyAudience audience, String after, int max) {
        return query("select u.id" + PEOPLE + " and u.id > :after and (" + audience.condition() + ") order by u.id",
                audience).setParameter("after", after).setMaxResults(max).getResultList();
    }

    /** Which of these people are also in the audience. */
    Set<String> among(PolicyAudience audience, Collection<String> ids) {
        return new HashSet<>(query("select u.id" + PEOPLE + " and u.id in :ids and (" + audience.condition() + ")",
                audience).setParameter("ids", ids).getResultList());
    }

    private TypedQuery<String> query(String jpql, PolicyAudience audience) {
        TypedQuery<String> query = em.createQuery(jpql, String.class).setParameter("realmId", realm.getId());
        audience.parameters().forEach(query::setParameter);
        return query;
    }
}
