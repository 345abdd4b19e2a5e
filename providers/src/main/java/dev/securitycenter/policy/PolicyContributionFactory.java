package dev.securitycenter.policy;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * Registers a capability's {@link PolicyContribution}. Contributions keep no state (they take the session in each
 * call), so a factory is its own contribution.
 */
public interface PolicyContributionFactory extends ProviderFactory<PolicyContribution>, PolicyContribution {

    @Override
    default PolicyContribution create(KeycloakSession session) {
        return this;
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
