package dev.securitycenter.rest;

import dev.securitycenter.policy.SecurityPolicy;
import dev.securitycenter.policy.SecurityPolicyReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/security-center/policy}: the realm's SecurityPolicy. */
public class AdminPolicyResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public AdminPolicyResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SecurityPolicy getPolicy() {
        auth.realm().requireViewRealm();
        return new SecurityPolicyReader(session).read(realm);
    }
}
