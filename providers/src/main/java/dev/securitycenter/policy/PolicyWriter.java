package dev.securitycenter.policy;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import dev.securitycenter.policy.PolicyValidator.Notice;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a validated policy through to where Keycloak keeps each part, all in the request's transaction: the
 * {@link ManagedConfiguration} (managed flows and their session limit, audit listener, themes) and our realm
 * attributes here; each capability's own section (password policy string, brute-force settings, SSO timeouts,
 * allowlist table…) through its {@link PolicyContribution}. Then it records {@code policy.updated} with every changed field (and how many
 * people will be mailed what changes at their next sign-in, when any will).
 */
public final class PolicyWriter {

    /** What a save did: the policy as now stored, notices, and how many sessions the lower limit ended. */
    public record Result(SecurityPolicy policy, List<Notice> notices, int terminatedSessions) {
    }

    private final KeycloakSession session;

    public PolicyWriter(KeycloakSession session) {
        this.session = session;
    }

    public Result apply(RealmModel realm, PolicyValidator.Validated validated, UserRef actor, String source) {
        SecurityPolicyReader reader = new SecurityPolicyReader(session);
        SecurityPolicy before = reader.read(realm);
        SecurityPolicy policy = validated.policy();

        List<PolicyContribution> contributions = writeThrough(realm, policy, actor);
        stamp(realm, actor);
        SaveReport report = new SaveReport();
        contributions.forEach(contribution -> contribution.afterWrite(session, realm, policy, report));
        int terminated = report.terminatedSessions();

        SecurityPolicy after = reader.read(realm);
        PolicyAudiences.changed(session, realm, before, after, report);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", source);
        details.put("changes", PolicyChanges.between(before, after));
        details.put("terminatedSessions", terminated);
        report.addUsersToldByEmail(details);
        AuditRecorder.of(session).record(realm.getId(), new AuditEvent(AuditEventType.POLICY_UPDATED, null, actor,
                session.getContext().getClient() == null ? null : session.getContext().getClient().getClientId(),
                session.getContext().getConnection().getRemoteAddr(), details, Time.currentTimeMillis()));
        return new Result(after, validated.notices(), terminated);
    }

    /**
     * Puts a policy into the realm: the {@link ManagedConfiguration}, our attributes, each capability's section and
     * the client policies, without the save's stamp, audit or reactions. The start-up upgrade ({@link
     * ReleaseUpgrade}) writes a realm's unchanged policy through it again, so that realms an earlier release
     * configured end up as a save by this release leaves them.
     */
    List<PolicyContribution> writeThrough(RealmModel realm, SecurityPolicy policy, UserRef actor) {
        ManagedConfiguration.apply(session, realm, policy.sessions().maxConcurrentSessions());
        attributes(realm, policy);
        List<PolicyContribution> contributions = PolicyContributions.all(session);
        contributions.forEach(contribution -> contribution.write(session, realm, policy, actor));
        // after the allowlist's client policy, so a refused address hears about its network first
        ClientFlowOverrideGuardFactory.CLIENT_POLICY.install(session, realm);
        return contributions;
    }

    private static void attributes(RealmModel realm, SecurityPolicy policy) {
        realm.setAttribute(PolicyAttributes.LOCKOUT_EMAIL_USER, Boolean.toString(policy.lockout().emailUser()));
        realm.setAttribute(PolicyAttributes.LOCKOUT_NOTIFY_ADMINS, Boolean.toString(policy.lockout().notifyAdmins()));
        realm.setAttribute(PolicyAttributes.MFA_ENFORCEMENT, policy.mfa().enforcement().name());
        realm.setAttribute(PolicyAttributes.MFA_METHODS, String.join(",",
                policy.mfa().methods().stream().map(Enum::name).toList()));
        realm.setAttribute(PolicyAttributes.MFA_ADMIN_ROLES, RoleListAttribute.write(policy.mfa().adminRoles()));
        realm.setAttribute(PolicyAttributes.MFA_ADMIN_STRENGTH, policy.mfa().adminStrength().name());
        realm.setAttribute(PolicyAttributes.SSO_REQUIRED, Boolean.toString(policy.sso().required()));
        if (policy.sso().breakGlassRole() == null) {
            realm.removeAttribute(PolicyAttributes.SSO_BREAK_GLASS_ROLE);
        } else {
            realm.setAttribute(PolicyAttributes.SSO_BREAK_GLASS_ROLE, policy.sso().breakGlassRole());
        }
        policy.notifications().write(realm);
        realm.setAttribute(PolicyAttributes.IP_ALLOWLIST_ENABLED, Boolean.toString(policy.ipAllowlist().enabled()));
        realm.setAttribute(PolicyAttributes.IP_ALLOWLIST_VERSION, KeycloakModelUtils.generateId());
    }

    /** Who saved the policy and when ({@code updatedAt} also marks the realm as configured). */
    private static void stamp(RealmModel realm, UserRef actor) {
        realm.setAttribute(PolicyAttributes.UPDATED_AT, Instant.ofEpochMilli(Time.currentTimeMillis()).toString());
        if (actor == null) {
            realm.removeAttribute(PolicyAttributes.UPDATED_BY);
        } else {
            realm.setAttribute(PolicyAttributes.UPDATED_BY, actor.username());
        }
    }
}
