package dev.securitycenter.spi;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import java.util.List;

/**
 * The factory of a client-policy executor of ours: the executor is created per session (it acts on that session's
 * request, so unlike a {@link StatelessProviderFactory} the factory cannot be its own provider), has nothing to
 * set in a client profile, and the factory needs no lifecycle calls unless it says otherwise.
 */
public interface SessionExecutorFactory extends ClientPolicyExecutorProviderFactory,
        LifecycleFreeProviderFactory<ClientPolicyExecutorProvider> {

    @Override
    default List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
