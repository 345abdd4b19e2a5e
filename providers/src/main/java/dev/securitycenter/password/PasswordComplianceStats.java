package dev.securitycenter.password;

import dev.securitycenter.policy.PasswordRules;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Counts, in one pass over the realm's enabled users with a password, those whose recorded password levels fall
 * short of some rules and those with nothing recorded.
 */
public final class PasswordComplianceStats {

    /** {@code notMeeting}: recorded and short of the rules; {@code unknown}: never recorded. */
    public record Counts(long notMeeting, long unknown) {
    }

    private final EntityManager em;

    public PasswordComplianceStats(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public Counts against(RealmModel realm, PasswordRules rules) {
        Object[] sums = em.createQuery("select"
                        + " sum(case when a.value is null then 1 else 0 end),"
                        + " sum(case when a.value not in :meeting then 1 else 0 end)"
                        + " from UserEntity u left join UserAttributeEntity a on a.user = u and a.name = :name"
                        + " where u.realmId = :realmId and u.enabled = true and u.serviceAccountClientLink is null"
                        + " and exists (select c.id from CredentialEntity c where c.user = u and c.type = :password)",
                        Object[].class)
                .setParameter("realmId", realm.getId())
                .setParameter("password", PasswordCredentialModel.TYPE)
                .setParameter("name", PasswordComplianceRecorder.ATTRIBUTE)
                .setParameter("meeting", PasswordCompliance.encodingsMeeting(rules))
                .getSingleResult();
        return new Counts(number(sums[1]), number(sums[0]));
    }

    private static long number(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }
}
