package dev.securitycenter.password.breach;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

public interface BreachedPasswordsFactory extends ProviderFactory<BreachedPasswords> {

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
