package dev.securitycenter.jpa;

import dev.securitycenter.audit.AuditStore;
import dev.securitycenter.network.IpAllowlistStore;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

public class SecurityCenterEntityProviderFactory implements JpaEntityProviderFactory {

    /** Its first ten letters name Liquibase's changelog table (DATABASECHANGELOG_SECURITYCE), so keep it stable. */
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
                new IpAllowlistStore(removed.getKeycloakSession()).deleteAll(removed.getRealm());
                new AuditStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
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
