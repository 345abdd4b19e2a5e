package dev.securitycenter.spi;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * A factory with no server configuration to read, nothing to wire once every factory is up and nothing to release:
 * Keycloak's three lifecycle calls do nothing, so the factories of ours that need none implement only what they
 * make. A factory that does need one overrides it.
 */
public interface LifecycleFreeProviderFactory<T extends Provider> extends ProviderFactory<T> {

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
