package dev.securitycenter.rest;

import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.cors.Cors;

/** Answers CORS preflights for the account API from the account console's web origins only. */
public class AccountCorsPreflight {

    private final KeycloakSession session;

    AccountCorsPreflight(KeycloakSession session) {
        this.session = session;
    }

    @OPTIONS
    @Path("{any:.*}")
    public Response preflight() {
        return Cors.builder()
                .checkAllowedOrigins(session, session.getContext().getRealm()
                        .getClientByClientId(Constants.ACCOUNT_CONSOLE_CLIENT_ID))
                .allowedMethods(SecurityCenterRealmResource.ACCOUNT_METHODS)
                .auth()
                .preflight()
                .add(Response.ok());
    }
}
