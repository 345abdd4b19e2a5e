package dev.securitycenter.network;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * First step of the managed flows: a connection from outside the realm's allowlist gets "access from your network
 * is not allowed" before anything else happens (no username is asked for, so nothing about accounts is revealed and
 * no failed login is counted against anyone).
 */
public class IpAllowlistAuthenticator implements Authenticator {

    static final String DENIED_MESSAGE = "accessDeniedNetwork";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        IpAllowlistService allowlist = new IpAllowlistService(context.getSession());
        if (allowlist.allowsCurrentConnection(context.getRealm())) {
            context.success();
            return;
        }
        allowlist.recordDenied(context.getRealm(), "sign-in",
                context.getAuthenticationSession().getClient().getClientId());
        Response page = context.form().setError(DENIED_MESSAGE).createErrorPage(Response.Status.FORBIDDEN);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
