package dev.securitycenter.rest;

import dev.securitycenter.audit.AuditEventView;
import dev.securitycenter.audit.AuditExportFormat;
import dev.securitycenter.audit.AuditQuery;
import dev.securitycenter.audit.AuditStore;
import dev.securitycenter.audit.AuditVerification;
import dev.securitycenter.audit.AuditVerifier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code /admin/realms/{realm}/security-center/audit}: the realm's security events, for admins with view-realm; who
 * and from where only for those who may also view users.
 */
public class AdminAuditResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public AdminAuditResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEventView> list(@QueryParam("first") String first, @QueryParam("max") String max,
                                     @QueryParam("type") List<String> types, @QueryParam("user") String user,
                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        auth.realm().requireViewRealm();
        AuditQuery query = AuditQueryParams.query(session, realm, types, userFilter(user), from, to);
        return new AuditStore(session).page(query, AuditQueryParams.first(first), AuditQueryParams.max(max)).stream()
                .map(visibleData())
                .toList();
    }

    /**
     * The whole filtered log as a download. It is written while the response streams, batch by batch, from a
     * transaction of its own, so neither memory nor the request's transaction grows with the log.
     */
    @GET
    @Path("export")
    public Response export(@QueryParam("format") String formatName, @QueryParam("type") List<String> types,
                           @QueryParam("user") String user, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        auth.realm().requireViewRealm();
        AuditExportFormat format = AuditExportFormat.fromName(formatName == null ? "csv" : formatName)
                .orElseThrow(() -> ApiErrors.badRequest("format", "must be csv or jsonl"));
        AuditQuery query = AuditQueryParams.query(session, realm, types, userFilter(user), from, to);
        UnaryOperator<AuditEventView> visible = visibleData();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            format.begin(out);
            try {
                KeycloakModelUtils.runJobInTransaction(factory, export -> new AuditStore(export)
                        .forEach(query, event -> format.writeUnchecked(visible.apply(event), out)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.flush();
        };
        String filename = "security-audit-" + realm.getName() + "-" + LocalDate.now() + "." + format.extension();
        return Response.ok(body, format.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename.replace("\"", "") + "\"")
                .build();
    }

    /**
     * Usernames, addresses and attempted usernames are personal data: like Keycloak's user API, the log shows them
     * only to admins who may view all users; others see what happened and when.
     */
    private UnaryOperator<AuditEventView> visibleData() {
        return auth.users().canView() ? UnaryOperator.identity() : PersonalData::withoutPersonalData;
    }

    /** Filtering by a username or id tells whether that person has events: a user search, so it needs view-users. */
    private String userFilter(String user) {
        if (user != null && !user.isBlank() && !auth.users().canView()) {
            throw ApiErrors.forbidden("user", "filtering by user needs permission to view users");
        }
        return user;
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditVerification verify() {
        auth.realm().requireViewRealm();
        return new AuditVerifier(session).verify(realm.getId());
    }
}
