package dev.securitycenter.network;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
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
 * error. Browser sign-in is refused by the managed flow's first step, with a page a person can read; a client whose
 * own browser-flow override does not start with that step is refused here instead, at the authorization endpoint
 * (before Keycloak creates an authentication session), with the same page.
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
            if (signInFlowChecksNetwork(realm, clientId == null ? null : realm.getClientByClientId(clientId))) {
                return;
            }
            allowlist.recordDenied(realm, "authorization endpoint", clientId);
            // the authorization endpoint shows the detail on its error page: there it is the page's message key
            throw new ClientPolicyException(OAuthErrorException.ACCESS_DENIED, IpAllowlistAuthenticator.DENIED_MESSAGE,
                    Response.Status.FORBIDDEN);
        }
        allowlist.recordDenied(realm, "token endpoint (" + context.getEvent().name().toLowerCase() + ")",
                session.getContext().getClient() == null ? null : session.getContext().getClient().getClientId());
        throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT, DENIED_GRANT, Response.Status.FORBIDDEN);
    }

    /**
     * Whether the browser flow this client gets (its own override, else the realm's) starts with the allowlist
     * step; then that step refuses, with its page, and the authorization endpoint need not. An unknown client is
     * left to Keycloak, which refuses it.
     */
    private static boolean signInFlowChecksNetwork(RealmModel realm, ClientModel client) {
        if (client == null) {
            return true;
        }
        String flowId = client.getAuthenticationFlowBindingOverride(AuthenticationFlowBindings.BROWSER_BINDING);
        if (flowId == null) {
            flowId = realm.getBrowserFlow().getId();
        }
        return realm.getAuthenticationExecutionsStream(flowId).findFirst()
                .map(step -> IpAllowlistAuthenticatorFactory.ID.equals(step.getAuthenticator())
                        && step.getRequirement() == AuthenticationExecutionModel.Requirement.REQUIRED)
                .orElse(false);
    }
}
