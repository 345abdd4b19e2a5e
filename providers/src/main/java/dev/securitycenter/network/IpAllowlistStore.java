package dev.securitycenter.network;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.time.Instant;
import java.util.List;

/** The realm's allowlist entries, in the table of our own (Keycloak has no place for them). */
public class IpAllowlistStore {

    private final EntityManager em;

    public IpAllowlistStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public List<IpAllowlistEntry> list(RealmModel realm) {
        return em.createNamedQuery(IpAllowlistEntryEntity.BY_REALM, IpAllowlistEntryEntity.class)
                .setParameter("realmId", realm.getId())
                .getResultStream()
                .map(e -> new IpAllowlistEntry(e.getValue(), e.getLabel(), e.getCreatedBy(),
                        Instant.ofEpochMilli(e.getCreatedAt()).toString()))
                .toList();
    }

    public void deleteAll(RealmModel realm) {
        em.createNamedQuery(IpAllowlistEntryEntity.DELETE_BY_REALM)
                .setParameter("realmId", realm.getId())
                .executeUpdate();
    }
}
