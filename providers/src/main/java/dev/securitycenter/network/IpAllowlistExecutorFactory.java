package dev.securitycenter.network;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import java.util.List;

public class IpAllowlistExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String ID = "security-center-ip-allowlist";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new IpAllowlistExecutor(session);
    }

    @Override
    public String getHelpText() {
        return "Refuses token requests from addresses outside the realm's IP allowlist (Settings > Security).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
