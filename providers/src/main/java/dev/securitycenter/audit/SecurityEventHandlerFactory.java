package dev.securitycenter.audit;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Registers a {@link SecurityEventHandler} (one line in {@code META-INF/services} per handler). */
public interface SecurityEventHandlerFactory extends ProviderFactory<SecurityEventHandler> {

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
