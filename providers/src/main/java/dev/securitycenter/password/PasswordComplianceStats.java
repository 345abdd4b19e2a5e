package dev.securitycenter.password;

import dev.securitycenter.policy.PasswordRules;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/** Counts, in the database, the enabled users whose recorded password levels fall short of some rules. */
public final class PasswordComplianceStats {

    private static final String PEOPLE_WITH_PASSWORD = "from UserEntity u where u.realmId = :realmId"
            + " and u.enabled = true and u.serviceAccountClientLink is null"
            + " and exists (select c.id from CredentialEntity c where c.user = u and c.type = :password)";

    private final EntityManager em;

    public PasswordComplianceStats(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Users whose last recorded password does not meet the rules. */
    public long notMeeting(RealmModel realm, PasswordRules rules) {
        return em.createQuery("select count(u) " + PEOPLE_WITH_PASSWORD + " and exists (select a.id from"
                        + " UserAttributeEntity a where a.user = u and a.name = :name and a.value not in :meeting)",
                        Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("password", PasswordCredentialModel.TYPE)
                .setParameter("name", PasswordComplianceRecorder.ATTRIBUTE)
                .setParameter("meeting", PasswordCompliance.encodingsMeeting(rules))
                .getSingleResult();
    }

    /** Users with a password whose levels were never recorded (set before the realm was set up). */
    public long unknown(RealmModel realm) {
        return em.createQuery("select count(u) " + PEOPLE_WITH_PASSWORD + " and not exists (select a.id from"
                        + " UserAttributeEntity a where a.user = u and a.name = :name)", Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("password", PasswordCredentialModel.TYPE)
                .setParameter("name", PasswordComplianceRecorder.ATTRIBUTE)
                .getSingleResult();
    }
}
