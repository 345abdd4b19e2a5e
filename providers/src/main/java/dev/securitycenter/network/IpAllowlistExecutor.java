package dev.securitycenter.network;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;

import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;

/**
 * Client-policy executor: every token request (any grant, refresh included), token exchange, device and
 * backchannel request and userinfo call from an address outside the realm's allowlist is refused with an OAuth
 * error. Browser sign-in is refused earlier, by the managed flow, with a page a person can read.
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
        if (!GUARDED.contains(context.getEvent())) {
            return;
        }
        RealmModel realm = session.getContext().getRealm();
        IpAllowlistService allowlist = new IpAllowlistService(session);
        if (allowlist.allowsCurrentConnection(realm)) {
            return;
        }
        String client = session.getContext().getClient() == null ? null
                : session.getContext().getClient().getClientId();
        allowlist.recordDenied(realm, "token endpoint (" + context.getEvent().name().toLowerCase() + ")", client);
        throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT,
                "Access from your network is not allowed", Response.Status.FORBIDDEN);
    }
}
