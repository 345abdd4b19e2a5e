package dev.securitycenter.network;

import dev.securitycenter.flow.ManagedStep;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;

/**
 * First step of the managed flows: a connection from outside the realm's allowlist gets "access from your network
 * is not allowed" before anything else happens (no username is asked for, so nothing about accounts is revealed and
 * no failed login is counted against anyone).
 */
public class IpAllowlistAuthenticator extends ManagedStep {

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
    public boolean requiresUser() {
        return false;
    }
}
