package dev.securitycenter.spi;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * A provider that keeps no state and reads no configuration is its own factory: it takes the session in each
 * call, so Keycloak may hand the same instance to every session.
 */
public interface StatelessProviderFactory<T extends Provider> extends LifecycleFreeProviderFactory<T>, Provider {

    @Override
    @SuppressWarnings("unchecked")
    default T create(KeycloakSession session) {
        return (T) this;
    }

    /** Closing the factory and closing the provider are one call, and neither has anything to release. */
    @Override
    default void close() {
    }
}
