package dev.securitycenter.jpa;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import java.util.List;

/** Registers the extension's tables and the Liquibase changelog that creates and migrates them. */
public class SecurityCenterEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(IpAllowlistEntryEntity.class, AuditEventEntity.class, AuditChainHeadEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/security-center-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return SecurityCenterEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
