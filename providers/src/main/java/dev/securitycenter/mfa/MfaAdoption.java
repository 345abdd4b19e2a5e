package dev.securitycenter.mfa;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.MfaMethod;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How many of a realm's people have a second factor, counted in the database (never by loading users): enabled
 * users who are not service accounts, and those of them holding a second-factor credential. Users of a
 * federation provider that keeps its own credentials are not in these tables and are not counted.
 */
public final class MfaAdoption {

    /** Credential types that count as a second factor (recovery codes alone do not; a passkey alone does). */
    static final List<String> SECOND_FACTOR_TYPES = Arrays.stream(MfaMethod.values())
            .map(SecondFactorMethods::credentialType)
            .toList();

    private static final String PEOPLE = "from UserEntity u where u.realmId = :realmId and u.enabled = true"
            + " and u.serviceAccountClientLink is null";
    private static final String HAS_SECOND_FACTOR =
            "exists (select c.id from CredentialEntity c where c.user = u and c.type in :types)";

    /** {@code byMethod}: per method, the people with at least one such factor (one person may count under two). */
    @JsonPropertyOrder({"enabled", "total", "percent", "byMethod"})
    public record Status(long enabled, long total, int percent, Map<MfaMethod, Long> byMethod) {
        static Status of(long enabled, long total, Map<MfaMethod, Long> byMethod) {
            return new Status(enabled, total, total == 0 ? 0 : (int) Math.round(100.0 * enabled / total), byMethod);
        }
    }

    private final EntityManager em;

    public MfaAdoption(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public Status status(RealmModel realm) {
        long total = em.createQuery("select count(u) " + PEOPLE, Long.class)
                .setParameter("realmId", realm.getId())
                .getSingleResult();
        long enabled = em.createQuery("select count(u) " + PEOPLE + " and " + HAS_SECOND_FACTOR, Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("types", SECOND_FACTOR_TYPES)
                .getSingleResult();
        Map<MfaMethod, Long> byMethod = new EnumMap<>(MfaMethod.class);
        for (MfaMethod method : MfaMethod.values()) {
            byMethod.put(method, em.createQuery("select count(u) " + PEOPLE + " and " + HAS_SECOND_FACTOR, Long.class)
                    .setParameter("realmId", realm.getId())
                    .setParameter("types", List.of(SecondFactorMethods.credentialType(method)))
                    .getSingleResult());
        }
        return Status.of(enabled, total, byMethod);
    }

    /** Ids of enabled people without a second factor, optionally only those with an email address. */
    public Stream<String> usersWithout(RealmModel realm, boolean withEmailOnly) {
        return em.createQuery("select u.id " + PEOPLE + (withEmailOnly ? " and u.email is not null" : "")
                        + " and not " + HAS_SECOND_FACTOR + " order by u.username", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("types", SECOND_FACTOR_TYPES)
                .getResultStream();
    }

    public long countWithout(RealmModel realm, boolean withEmailOnly) {
        return em.createQuery("select count(u) " + PEOPLE + (withEmailOnly ? " and u.email is not null" : "")
                        + " and not " + HAS_SECOND_FACTOR, Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("types", SECOND_FACTOR_TYPES)
                .getSingleResult();
    }
}
