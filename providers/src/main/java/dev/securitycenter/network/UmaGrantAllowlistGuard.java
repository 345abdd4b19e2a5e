package dev.securitycenter.network;

import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.token.TokenPostProcessor;
import org.keycloak.protocol.oidc.token.TokenPostProcessorContext;
import org.keycloak.services.ErrorResponseException;

/**
 * The UMA {@code uma-ticket} grant is the one grant of the token endpoint that raises no client-policy event, so
 * the allowlist executor never sees it. Keycloak's token post-processors run while any token response is built,
 * this grant's requesting party token included: from outside the allowlist that token is refused before it exists.
 * (Its {@code response_mode=decision} and {@code permissions} answers build no token and are not covered.)
 */
public class UmaGrantAllowlistGuard implements TokenPostProcessor {

    private final KeycloakSession session;

    public UmaGrantAllowlistGuard(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void process(TokenPostProcessorContext context) {
        HttpRequest request = session.getContext().getHttpRequest();
        if (request == null || !OAuth2Constants.UMA_GRANT_TYPE.equals(
                request.getDecodedFormParameters().getFirst(OAuth2Constants.GRANT_TYPE))) {
            return;
        }
        RealmModel realm = session.getContext().getRealm();
        IpAllowlistService allowlist = new IpAllowlistService(session);
        if (allowlist.allowsCurrentConnection(realm)) {
            return;
        }
        allowlist.recordDenied(realm, "token endpoint (uma_ticket)", session.getContext().getClient() == null ? null
                : session.getContext().getClient().getClientId());
        // Keycloak's permission evaluation passes this exception on as it is (any other becomes a 500)
        throw new ErrorResponseException(OAuthErrorException.INVALID_GRANT, IpAllowlistExecutor.DENIED_GRANT,
                Response.Status.FORBIDDEN);
    }
}
