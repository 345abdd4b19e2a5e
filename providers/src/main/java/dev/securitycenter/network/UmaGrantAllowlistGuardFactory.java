package dev.securitycenter.network;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.token.TokenPostProcessor;
import org.keycloak.protocol.oidc.token.TokenPostProcessorFactory;

public class UmaGrantAllowlistGuardFactory implements TokenPostProcessorFactory {

    public static final String ID = "security-center-uma-allowlist";

    @Override
    public TokenPostProcessor create(KeycloakSession session) {
        return new UmaGrantAllowlistGuard(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
