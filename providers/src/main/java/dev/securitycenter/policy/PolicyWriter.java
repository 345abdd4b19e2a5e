package dev.securitycenter.policy;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventListenerProviderFactory;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import dev.securitycenter.network.IpAllowlistClientPolicy;
import dev.securitycenter.network.IpAllowlistStore;
import dev.securitycenter.password.CompliancePasswordPolicyProviderFactory;
import dev.securitycenter.policy.PolicyValidator.Notice;
import dev.securitycenter.sessions.SessionLimitEnforcer;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a validated policy through to where Keycloak keeps each part, all in the request's transaction: the
 * password policy string (unrelated entries kept), brute-force settings, SSO timeouts, the managed flows' session
 * limit, our realm attributes and allowlist table. Then it records {@code policy.updated} with every changed field.
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

        realm.setPasswordPolicy(passwordPolicy(realm.getPasswordPolicy(), policy.password()));
        bruteForce(realm, policy.lockout());
        sso(realm, policy.sessions());
        new ManagedFlows(realm).apply(policy.sessions().maxConcurrentSessions());
        EntryPointFlows.bindIdentityProviders(session, realm);
        new IpAllowlistClientPolicy(session).install(realm);
        attributes(realm, policy, actor);
        new IpAllowlistStore(session).replace(realm, policy.ipAllowlist().entries(),
                actor == null ? null : actor.username());
        installAuditListener(realm);
        themes(realm);
        int terminated = policy.sessions().maxConcurrentSessions() == null ? 0
                : new SessionLimitEnforcer(session).enforce(realm, policy.sessions().maxConcurrentSessions());

        SecurityPolicy after = reader.read(realm);
        AuditRecorder.of(session).record(realm.getId(), new AuditEvent(AuditEventType.POLICY_UPDATED, null, actor,
                session.getContext().getClient() == null ? null : session.getContext().getClient().getClientId(),
                session.getContext().getConnection().getRemoteAddr(),
                Map.of("source", source, "changes", PolicyChanges.between(before, after),
                        "terminatedSessions", terminated),
                Time.currentTimeMillis()));
        return new Result(after, validated.notices(), terminated);
    }

    /** Our five entries are set or removed; anything else an admin put in the policy string stays as it is. */
    private PasswordPolicy passwordPolicy(PasswordPolicy current, PasswordRules rules) {
        PasswordPolicy.Builder builder = current.toBuilder();
        builder.put("length", rules.minLength().toString());
        characterClass(builder, "upperCase", rules.requireUppercase());
        characterClass(builder, "lowerCase", rules.requireLowercase());
        characterClass(builder, "digits", rules.requireDigits());
        characterClass(builder, "specialChars", rules.requireSpecial());
        optional(builder, PasswordPolicy.FORCE_EXPIRED_ID, rules.expiryDays());
        optional(builder, PasswordPolicy.PASSWORD_HISTORY_ID, rules.preventReuse());
        if (!builder.contains(CompliancePasswordPolicyProviderFactory.ID)) {
            builder.put(CompliancePasswordPolicyProviderFactory.ID, null);
        }
        return builder.build(session);
    }

    /** A stricter count set in Keycloak's console (e.g. two digits) is kept: it still requires the class. */
    private static void characterClass(PasswordPolicy.Builder builder, String id, boolean required) {
        if (!required) {
            builder.remove(id);
        } else if (!builder.contains(id) || parsePositive(builder.get(id)) < 1) {
            builder.put(id, "1");
        }
    }

    private static void optional(PasswordPolicy.Builder builder, String id, int value) {
        if (value == 0) {
            builder.remove(id);
        } else {
            builder.put(id, Integer.toString(value));
        }
    }

    private static int parsePositive(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void bruteForce(RealmModel realm, LockoutRules lockout) {
        realm.setBruteForceProtected(lockout.maxFailures() != null);
        if (lockout.maxFailures() != null) {
            realm.setFailureFactor(lockout.maxFailures());
        }
        realm.setPermanentLockout(lockout.durationMinutes() == null);
        realm.setMaxTemporaryLockouts(0);
        // The policy's threshold is the lockout: Keycloak's quick-login rule would also lock an account for a
        // minute (and send the "account locked" mail) after two typos within a second.
        realm.setQuickLoginCheckMilliSeconds(0);
        if (lockout.durationMinutes() != null) {
            // the same wait for every lockout: the increment and its cap are both the chosen duration
            int seconds = lockout.durationMinutes() * 60;
            realm.setWaitIncrementSeconds(seconds);
            realm.setMaxFailureWaitSeconds(seconds);
        }
    }

    private static void sso(RealmModel realm, SessionRules sessions) {
        int lifetime = sessions.maxLifetimeHours() * 3600;
        realm.setSsoSessionMaxLifespan(lifetime);
        // "Never": an idle timeout as long as the lifetime can never fire first (Keycloak has no real "never")
        realm.setSsoSessionIdleTimeout(sessions.idleTimeoutMinutes() == null ? lifetime
                : sessions.idleTimeoutMinutes() * 60);
    }

    private static void attributes(RealmModel realm, SecurityPolicy policy, UserRef actor) {
        realm.setAttribute(PolicyAttributes.LOCKOUT_EMAIL_USER, Boolean.toString(policy.lockout().emailUser()));
        realm.setAttribute(PolicyAttributes.LOCKOUT_NOTIFY_ADMINS, Boolean.toString(policy.lockout().notifyAdmins()));
        realm.setAttribute(PolicyAttributes.MFA_ENFORCEMENT, policy.mfa().enforcement().name());
        realm.setAttribute(PolicyAttributes.MFA_METHODS, String.join(",",
                policy.mfa().methods().stream().map(Enum::name).toList()));
        realm.setAttribute(PolicyAttributes.MFA_ADMIN_ROLES, RoleListAttribute.write(policy.mfa().adminRoles()));
        realm.setAttribute(PolicyAttributes.SSO_REQUIRED, Boolean.toString(policy.sso().required()));
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
