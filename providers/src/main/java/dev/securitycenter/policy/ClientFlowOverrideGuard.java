package dev.securitycenter.policy;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.SamlAuthnRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import jakarta.ws.rs.core.Response;

/**
 * Client-policy executor: a client whose own browser or direct-grant flow (Keycloak's per-client
 * {@code authenticationFlowBindingOverrides}) is not the managed flow would sign its users in past every step the
 * policy puts in that flow (allowlist, turn-taking on guesses, second factor, enforcement). Rather than trust an
 * admin's flow to carry those steps, sign-in through such a client is refused, from every address: at the OIDC
 * authorization endpoint and the SAML endpoint before an authentication session exists (an error page), and at the
 * token endpoint for the password grant. Keycloak records each refusal as a failed login
 * ({@code auth.login_failed}, error {@value #ERROR}). An override that names the managed flow itself is fine.
 */
public class ClientFlowOverrideGuard implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    static final String ERROR = OAuthErrorException.UNAUTHORIZED_CLIENT;
    /** The login theme's message, shown on the error page of the authorization and SAML endpoints. */
    static final String PAGE_MESSAGE = "signInFlowNotManaged";
    static final String GRANT_MESSAGE = "This client signs in with a flow of its own that skips the realm's security "
            + "policy";

    private final KeycloakSession session;

    public ClientFlowOverrideGuard(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return ClientFlowOverrideGuardFactory.ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        RealmModel realm = session.getContext().getRealm();
        switch (context.getEvent()) {
            case PRE_AUTHORIZATION_REQUEST -> {
                String clientId = ((PreAuthorizationRequestContext) context).getClientId();
                refuseUnmanaged(realm, clientId == null ? null : realm.getClientByClientId(clientId),
                        AuthenticationFlowBindings.BROWSER_BINDING, ManagedFlows.BROWSER, PAGE_MESSAGE);
            }
            case SAML_AUTHN_REQUEST -> refuseUnmanaged(realm, ((SamlAuthnRequestContext) context).getClient(),
                    AuthenticationFlowBindings.BROWSER_BINDING, ManagedFlows.BROWSER, PAGE_MESSAGE);
            case RESOURCE_OWNER_PASSWORD_CREDENTIALS_REQUEST -> refuseUnmanaged(realm,
                    session.getContext().getClient(), AuthenticationFlowBindings.DIRECT_GRANT_BINDING,
                    ManagedFlows.DIRECT_GRANT, GRANT_MESSAGE);
            default -> {
            }
        }
    }

    private static void refuseUnmanaged(RealmModel realm, ClientModel client, String binding, String managedAlias,
                                        String message) throws ClientPolicyException {
        // an unknown client is Keycloak's to refuse
        String override = client == null ? null : client.getAuthenticationFlowBindingOverride(binding);
        AuthenticationFlowModel managed = realm.getFlowByAlias(managedAlias);
        if (override == null || managed == null || override.equals(managed.getId())) {
            return;
        }
        throw new ClientPolicyException(ERROR, message, Response.Status.FORBIDDEN);
    }
}
