package dev.securitycenter.rest;

import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;

/** Root of {@code /realms/{realm}/security-center}. */
public class SecurityCenterRealmResource {

    private final KeycloakSession session;

    public SecurityCenterRealmResource(KeycloakSession session) {
        this.session = session;
    }

    /** Everything under {@code account} acts for the user whose bearer token is presented. */
    @Path("account")
    public AccountResource account() {
        AccountCaller caller = AccountCaller.authenticate(session);
        NetworkGuard.require(session, caller.realm(), "account api", caller.token().getIssuedFor());
        return new AccountResource(session, caller);
    }
}
