package dev.securitycenter.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.cors.Cors;

/** Root of {@code /realms/{realm}/security-center}. */
public class SecurityCenterRealmResource {

    static final String[] ACCOUNT_METHODS = {"GET", "POST", "DELETE"};

    private final KeycloakSession session;
    private final int totpSetupSeconds;

    public SecurityCenterRealmResource(KeycloakSession session, int totpSetupSeconds) {
        this.session = session;
        this.totpSetupSeconds = totpSetupSeconds;
    }

    /** Everything under {@code account} acts for the user whose bearer token is presented. */
    @Path("account")
    public Object account() {
        if (HttpMethod.OPTIONS.equals(session.getContext().getHttpRequest().getHttpMethod())) {
            return new AccountCorsPreflight(session);
        }
        AccountCaller caller = AccountCaller.authenticate(session);
        // CORS only for the account console (e.g. served from a development server): other clients' tokens get
        // no CORS headers, so no other web origin can call this API from a browser
        if (Constants.ACCOUNT_CONSOLE_CLIENT_ID.equals(caller.token().getIssuedFor())) {
            Cors.builder().checkAllowedOrigins(session, caller.realm().getClientByClientId(
                    Constants.ACCOUNT_CONSOLE_CLIENT_ID)).allowedMethods(ACCOUNT_METHODS).auth().add();
        }
        NetworkGuard.require(session, caller.realm(), "account api", caller.token().getIssuedFor());
        return new AccountResource(session, caller, totpSetupSeconds);
    }
}
