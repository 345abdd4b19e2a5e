package dev.securitycenter.rest;

import dev.securitycenter.policy.ReleaseUpgrade;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Mounts the admin API at {@code /admin/realms/{realm}/security-center}. */
public class SecurityCenterAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "security-center";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new SecurityCenterAdminResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
    }

    /** The policy's API is what configures realms, so its factory also upgrades those an earlier release did. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new ReleaseUpgrade(factory));
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
