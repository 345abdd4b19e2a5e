package dev.securitycenter.rest;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.policy.FieldError;
import dev.securitycenter.policy.Finding;
import dev.securitycenter.policy.Nist80063bPreset;
import dev.securitycenter.policy.StandardsAssessment;
import dev.securitycenter.policy.InvalidPolicyException;
import dev.securitycenter.policy.PolicyChoices;
import dev.securitycenter.policy.PolicyDefaults;
import dev.securitycenter.policy.PolicyDocumentReader;
import dev.securitycenter.policy.PolicyPreview;
import dev.securitycenter.policy.PolicyValidator;
import dev.securitycenter.policy.PolicyWriter;
import dev.securitycenter.policy.SecurityPolicy;
import dev.securitycenter.policy.SecurityPolicyReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/realms/{realm}/security-center/policy}: the realm's SecurityPolicy. */
public class AdminPolicyResource {

    /** Keycloak's own admin-event log gets an entry too; a resource type of ours keeps it apart from REALM. */
    static final String ADMIN_EVENT_RESOURCE = "SECURITY_CENTER_POLICY";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public AdminPolicyResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                               AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SecurityPolicy getPolicy() {
        auth.realm().requireViewRealm();
        return current();
    }

    private SecurityPolicy current() {
        return new SecurityPolicyReader(session).read(realm);
    }

    /** The roles and identity providers the page's pickers offer. */
    @GET
    @Path("choices")
    @Produces(MediaType.APPLICATION_JSON)
    public PolicyChoices choices() {
        auth.realm().requireViewRealm();
        return PolicyChoices.of(session, realm);
    }

    /** Validates the whole document and applies all of it, or nothing (400 with every broken rule). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PolicyWriter.Result update(String body) {
        auth.realm().requireManageRealm();
        try {
            return save(PolicyDocumentReader.read(body, current()));
        } catch (InvalidPolicyException e) {
            throw ApiErrors.badRequest(e.errors());
        }
    }

    /**
     * What saving this document would do, without saving it: the spec's warnings with real counts, and the rules
     * it breaks (a broken document still gets the warnings its readable parts allow).
     */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> preview(String body) {
        auth.realm().requireViewRealm();
        SecurityPolicy current = current();
        SecurityPolicy requested;
        try {
            requested = PolicyDocumentReader.read(body, current);
        } catch (InvalidPolicyException e) {
            return Map.of("warnings", List.of(), "errors", e.errors());
        }
        return previewOf(requested, current);
    }

    private Map<String, Object> previewOf(SecurityPolicy requested, SecurityPolicy current) {
        String address = guardedAddress();
        List<FieldError> errors = List.of();
        try {
            new PolicyValidator(session, realm).validate(requested, address, actor().username());
        } catch (InvalidPolicyException e) {
            errors = e.errors();
        }
        // the console names the address it will add when the allowlist is switched on (spec: "Your IP (…)")
        return Map.of("warnings", new PolicyPreview(session).warnings(realm, current, requested, address),
                "errors", errors, "callerAddress", address == null ? "" : address);
    }

    /** "Set up security defaults": the spec's recommended policy. */
    @POST
    @Path("defaults")
    @Produces(MediaType.APPLICATION_JSON)
    public PolicyWriter.Result applyDefaults() {
        auth.realm().requireManageRealm();
        SecurityPolicy current = current();
        try {
            return save(PolicyDefaults.recommended(realm, current.ipAllowlist().entries()));
        } catch (InvalidPolicyException e) {
            throw ApiErrors.badRequest(e.errors());
        }
    }

    /** The realm's effective policy against NIST SP 800-63B rev 4 and OWASP ASVS 5.0, one finding per requirement. */
    @GET
    @Path("assessment")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<Finding>> assessment() {
        auth.realm().requireViewRealm();
        return Map.of("findings", StandardsAssessment.assess(current(),
                realm.getPasswordPolicy()));
    }

    /**
     * What applying the preset would save, previewed as any save is: the resulting document ({@code policy}, which
     * the console may also PUT as is), its warnings and errors. Nothing is saved.
     */
    @POST
    @Path("presets/{preset}/preview")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> previewPreset(@PathParam("preset") String preset) {
        auth.realm().requireViewRealm();
        SecurityPolicy current = current();
        SecurityPolicy policy = preset(preset, current);
        Map<String, Object> preview = new LinkedHashMap<>(previewOf(policy, current));
        preview.put("policy", policy);
        return preview;
    }

    /** Applies the preset, validated and audited like any save (400 and nothing changed when it would break a rule). */
    @POST
    @Path("presets/{preset}")
    @Produces(MediaType.APPLICATION_JSON)
    public PolicyWriter.Result applyPreset(@PathParam("preset") String preset) {
        auth.realm().requireManageRealm();
        try {
            return save(preset(preset, current()));
        } catch (InvalidPolicyException e) {
            throw ApiErrors.badRequest(e.errors());
        }
    }

    private SecurityPolicy preset(String preset, SecurityPolicy current) {
        if (!Nist80063bPreset.ID.equals(preset)) {
            throw new NotFoundException("No preset " + preset);
        }
        return Nist80063bPreset.from(current);
    }

    private PolicyWriter.Result save(SecurityPolicy requested) throws InvalidPolicyException {
        UserRef actor = actor();
        PolicyValidator.Validated valid = new PolicyValidator(session, realm).validate(requested, guardedAddress(),
                actor.username());
        PolicyWriter.Result result = new PolicyWriter(session).apply(realm, valid, actor, "security-center");
        adminEvent.operation(OperationType.UPDATE)
                .resource(ADMIN_EVENT_RESOURCE)
                .resourcePath(session.getContext().getUri())
                .representation(result.policy())
                .success();
        return result;
    }

    /**
     * The address the self-lockout guard keeps on the list: the saving admin's, when the realm's allowlist applies
     * to them. A master-realm admin follows master's rules, not this realm's (see the admin resource provider), so
     * their address is never added to a tenant realm's list.
     */
    private String guardedAddress() {
        return auth.adminAuth().getRealm().getId().equals(realm.getId())
                ? session.getContext().getConnection().getRemoteAddr() : null;
    }

    private UserRef actor() {
        UserModel admin = auth.adminAuth().getUser();
        return new UserRef(admin.getId(), admin.getUsername());
    }
}
