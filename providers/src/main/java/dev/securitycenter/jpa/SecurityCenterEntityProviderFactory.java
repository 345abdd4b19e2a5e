package dev.securitycenter.jpa;

import jakarta.persistence.EntityManager;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

public class SecurityCenterEntityProviderFactory implements JpaEntityProviderFactory {

    /**
     * Names Liquibase's record of our changelog, so keep it stable: Keycloak upper-cases it, makes '-' '_' and keeps
     * ten characters (DATABASECHANGELOG_SECURITY_C).
     */
    static final String ID = "security-center";

    private static final JpaEntityProvider PROVIDER = new SecurityCenterEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    /** Our rows reference realms only by id, so they go when the realm goes, in the same transaction. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                EntityManager em = removed.getKeycloakSession().getProvider(JpaConnectionProvider.class)
                        .getEntityManager();
                String realmId = removed.getRealm().getId();
                em.createNamedQuery(IpAllowlistEntryEntity.DELETE_BY_REALM).setParameter("realmId", realmId)
                        .executeUpdate();
                em.createNamedQuery(AuditEventEntity.DELETE_BY_REALM).setParameter("realmId", realmId)
                        .executeUpdate();
                em.createQuery("delete from AuditChainHeadEntity h where h.realmId = :realmId")
                        .setParameter("realmId", realmId).executeUpdate();
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
