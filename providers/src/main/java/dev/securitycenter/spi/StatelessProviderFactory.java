package dev.securitycenter.spi;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * A provider that keeps no state and reads no configuration is its own factory: it takes the session in each
 * call, so Keycloak may hand the same instance to every session.
 */
public interface StatelessProviderFactory<T extends Provider> extends ProviderFactory<T>, Provider {

    @Override
    @SuppressWarnings("unchecked")
    default T create(KeycloakSession session) {
        return (T) this;
    }

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
