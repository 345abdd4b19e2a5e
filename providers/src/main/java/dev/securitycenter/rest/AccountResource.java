package dev.securitycenter.rest;

import dev.securitycenter.audit.AuditEventView;
import dev.securitycenter.audit.AuditQuery;
import dev.securitycenter.audit.AuditStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;

import java.util.List;

/** {@code /realms/{realm}/security-center/account}: what a user sees and does about their own sign-in security. */
public class AccountResource {

    private final KeycloakSession session;
    private final AccountCaller caller;

    public AccountResource(KeycloakSession session, AccountCaller caller) {
        this.session = session;
        this.caller = caller;
    }

    /** The caller's own security events, newest first. */
    @GET
    @Path("activity")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEventView> activity(@QueryParam("first") String first, @QueryParam("max") String max) {
        caller.requireView();
        return new AuditStore(session).page(AuditQuery.forUser(caller.realm().getId(), caller.user().getId()),
                AuditQueryParams.first(first), AuditQueryParams.max(max));
    }
}
