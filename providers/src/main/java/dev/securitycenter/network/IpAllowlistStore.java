package dev.securitycenter.network;

import dev.securitycenter.jpa.IpAllowlistEntryEntity;
import dev.securitycenter.policy.IpAllowlistEntry;
import jakarta.persistence.EntityManager;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Makes the stored list equal to {@code entries} (canonical values): entries that stay keep who added them and
     * when, labels are updated, new ones are stamped with {@code actor} and now.
     */
    public void replace(RealmModel realm, List<IpAllowlistEntry> entries, String actor) {
        Map<String, IpAllowlistEntryEntity> stored = new HashMap<>();
        em.createNamedQuery(IpAllowlistEntryEntity.BY_REALM, IpAllowlistEntryEntity.class)
                .setParameter("realmId", realm.getId())
                .getResultStream()
                .forEach(e -> stored.put(e.getValue(), e));
        long now = Time.currentTimeMillis();
        for (int position = 0; position < entries.size(); position++) {
            IpAllowlistEntry entry = entries.get(position);
            IpAllowlistEntryEntity existing = stored.remove(entry.value());
            if (existing != null) {
                existing.setLabel(entry.label());
                existing.setPosition(position);
                continue;
            }
            IpAllowlistEntryEntity created = new IpAllowlistEntryEntity();
            created.setId(KeycloakModelUtils.generateId());
            created.setRealmId(realm.getId());
            created.setValue(entry.value());
            created.setLabel(entry.label());
            created.setCreatedBy(actor);
            created.setPosition(position);
            created.setCreatedAt(now);
            em.persist(created);
        }
        stored.values().forEach(em::remove);
        // flush now so that a unique-key clash fails this request rather than the commit
        em.flush();
    }
}
