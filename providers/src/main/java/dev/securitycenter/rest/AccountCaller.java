package dev.securitycenter.rest;

import dev.securitycenter.audit.SelfServiceCredentialEvents;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The user calling the self-service API, admitted the way Keycloak's own account API admits callers: a valid bearer
 * token only (no cookies), for a live user session, with the {@code account} audience, not a service account.
 */
public record AccountCaller(RealmModel realm, UserModel user, UserSessionModel userSession, AccessToken token) {

    static final String MANAGE_ACCOUNT = "manage-account";
    static final String VIEW_PROFILE = "view-profile";

    static AccountCaller authenticate(KeycloakSession session) {
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (result == null) {
            throw new NotAuthorizedException("Bearer");
        }
        AccessToken token = result.token();
        if (token.getAudience() == null || token.getResourceAccess(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID) == null) {
            // Lightweight access tokens carry no audience or roles; expand them as introspection would.
            AccessTokenIntrospectionProvider introspection = (AccessTokenIntrospectionProvider) session.getProvider(
                    TokenIntrospectionProvider.class, AccessTokenIntrospectionProviderFactory.ACCESS_TOKEN_TYPE);
            token = introspection.transformAccessToken(token, result.session());
        }
        if (!token.hasAudience(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID)) {
            throw new NotAuthorizedException("Bearer");
        }
        if (result.user().getServiceAccountClientLink() != null) {
            throw new NotAuthorizedException("Bearer");
        }
        return new AccountCaller(session.getContext().getRealm(), result.user(), result.session(), token);
    }

    /** The caller's own credential changes, reported as Keycloak events of their session and client. */
    SelfServiceCredentialEvents credentialEvents(KeycloakSession session) {
        return new SelfServiceCredentialEvents(session, realm, user, userSession, token.getIssuedFor());
    }

    void requireView() {
        if (!hasAccountRole(VIEW_PROFILE) && !hasAccountRole(MANAGE_ACCOUNT)) {
            throw new ForbiddenException();
        }
    }

    void requireManage() {
        if (!hasAccountRole(MANAGE_ACCOUNT)) {
            throw new ForbiddenException();
        }
    }

    private boolean hasAccountRole(String role) {
        AccessToken.Access access = token.getResourceAccess(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        return access != null && access.isUserInRole(role);
    }
}
