package dev.securitycenter.network;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;

import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;

/**
 * Client-policy executor: every token request (any grant, refresh included), token exchange, device and
 * backchannel request and userinfo call from an address outside the realm's allowlist is refused with an OAuth
 * error. A browser sign-in (and registration) from outside is refused here too, at the authorization endpoint, with
 * the page a person can read that the managed flow's first step would show: before Keycloak creates an
 * authentication session, so a flood of outsiders costs neither a session in the cluster's cache nor a run of the
 * flow. The flow step stays for what reaches the flows without the authorization endpoint (SAML, the
 * login-actions entry points, action-token links).
 */
public class IpAllowlistExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    static final Set<ClientPolicyEvent> GUARDED = EnumSet.of(
            ClientPolicyEvent.TOKEN_REQUEST,
            ClientPolicyEvent.TOKEN_REFRESH,
            ClientPolicyEvent.SERVICE_ACCOUNT_TOKEN_REQUEST,
            ClientPolicyEvent.RESOURCE_OWNER_PASSWORD_CREDENTIALS_REQUEST,
            ClientPolicyEvent.TOKEN_EXCHANGE_REQUEST,
            ClientPolicyEvent.DEVICE_AUTHORIZATION_REQUEST,
            ClientPolicyEvent.DEVICE_TOKEN_REQUEST,
            ClientPolicyEvent.BACKCHANNEL_AUTHENTICATION_REQUEST,
            ClientPolicyEvent.BACKCHANNEL_TOKEN_REQUEST,
            ClientPolicyEvent.PUSHED_AUTHORIZATION_REQUEST,
            ClientPolicyEvent.JWT_AUTHORIZATION_GRANT,
            ClientPolicyEvent.USERINFO_REQUEST,
            ClientPolicyEvent.TOKEN_INTROSPECT);

    static final String DENIED_GRANT = "Access from your network is not allowed";

    private final KeycloakSession session;

    public IpAllowlistExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return IpAllowlistExecutorFactory.ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        boolean authorization = context instanceof PreAuthorizationRequestContext;
        if (!authorization && !GUARDED.contains(context.getEvent())) {
            return;
        }
        RealmModel realm = session.getContext().getRealm();
        IpAllowlistService allowlist = new IpAllowlistService(session);
        if (allowlist.allowsCurrentConnection(realm)) {
            return;
        }
        if (authorization) {
            String clientId = ((PreAuthorizationRequestContext) context).getClientId();
            allowlist.recordDenied(realm, "authorization endpoint", clientId);
            // the authorization endpoint shows the detail on its error page: there it is the page's message key
            throw new ClientPolicyException(OAuthErrorException.ACCESS_DENIED, IpAllowlistAuthenticator.DENIED_MESSAGE,
                    Response.Status.FORBIDDEN);
        }
        allowlist.recordDenied(realm, "token endpoint (" + context.getEvent().name().toLowerCase() + ")",
                session.getContext().getClient() == null ? null : session.getContext().getClient().getClientId());
        throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT, DENIED_GRANT, Response.Status.FORBIDDEN);
    }
}
