package dev.securitycenter.policy;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventListenerProviderFactory;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import dev.securitycenter.policy.PolicyValidator.Notice;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a validated policy through to where Keycloak keeps each part, all in the request's transaction: the
 * managed flows and their session limit, our realm attributes, the audit listener and themes here; each
 * capability's own section (password policy string, brute-force settings, SSO timeouts, allowlist table…) through
 * its {@link PolicyContribution}. Then it records {@code policy.updated} with every changed field (and how many
 * people will be mailed what changes at their next sign-in, when any will).
 */
public final class PolicyWriter {

    /** What a save did: the policy as now stored, notices, and how many sessions the lower limit ended. */
    public record Result(SecurityPolicy policy, List<Notice> notices, int terminatedSessions) {
    }

    static final String THEME = "security-center";

    private final KeycloakSession session;

    public PolicyWriter(KeycloakSession session) {
        this.session = session;
    }

    public Result apply(RealmModel realm, PolicyValidator.Validated validated, UserRef actor, String source) {
        SecurityPolicyReader reader = new SecurityPolicyReader(session);
        SecurityPolicy before = reader.read(realm);
        SecurityPolicy policy = validated.policy();

        new ManagedFlows(session, realm).apply(policy.sessions().maxConcurrentSessions());
        EntryPointFlows.bindIdentityProviders(session, realm);
        attributes(realm, policy, actor);
        installAuditListener(realm);
        themes(realm);
        List<PolicyContribution> contributions = PolicyContributions.all(session);
        contributions.forEach(contribution -> contribution.write(session, realm, policy, actor));
        // after the allowlist's client policy, so a refused address hears about its network first
        ClientFlowOverrideGuardFactory.CLIENT_POLICY.install(session, realm);
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

    private static void attributes(RealmModel realm, SecurityPolicy policy, UserRef actor) {
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
        realm.setAttribute(PolicyAttributes.UPDATED_AT, Instant.ofEpochMilli(Time.currentTimeMillis()).toString());
        if (actor == null) {
            realm.removeAttribute(PolicyAttributes.UPDATED_BY);
        } else {
            realm.setAttribute(PolicyAttributes.UPDATED_BY, actor.username());
        }
    }

    /**
     * The extension's pages and mails live in the {@code security-center} themes; a realm still on Keycloak's
     * defaults is switched to them, a realm with a theme of its own keeps it (that theme should extend ours).
     */
    private static void themes(RealmModel realm) {
        if (isBlank(realm.getLoginTheme())) {
            realm.setLoginTheme(THEME);
        }
        if (isBlank(realm.getAccountTheme())) {
            realm.setAccountTheme(THEME);
        }
        if (isBlank(realm.getEmailTheme())) {
            realm.setEmailTheme(THEME);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void installAuditListener(RealmModel realm) {
        Set<String> listeners = new HashSet<>(realm.getEventsListenersStream().toList());
        if (listeners.add(AuditEventListenerProviderFactory.ID)) {
            realm.setEventsListeners(listeners);
        }
    }
}
