package dev.securitycenter.policy;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.SessionExpirationUtils;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the effective {@link SecurityPolicy} of a realm from Keycloak's own settings and our attributes. */
public class SecurityPolicyReader {

    static final String SESSION_LIMITS_AUTHENTICATOR = "user-session-limits";
    static final String SESSION_LIMITS_REALM_LIMIT = "userRealmLimit";

    private final KeycloakSession session;

    public SecurityPolicyReader(KeycloakSession session) {
        this.session = session;
    }

    public SecurityPolicy read(RealmModel realm) {
        return new SecurityPolicy(
                realm.getAttribute(PolicyAttributes.UPDATED_AT) != null,
                realm.getAttribute(PolicyAttributes.UPDATED_AT),
                realm.getAttribute(PolicyAttributes.UPDATED_BY),
                password(realm.getPasswordPolicy()),
                sessions(realm),
                mfa(realm),
                lockout(realm),
                new IpAllowlistRules(
                        realm.getAttribute(PolicyAttributes.IP_ALLOWLIST_ENABLED, false),
                        PolicyContributions.ipAllowlistEntries(session).list(session, realm)),
                sso(realm),
                NotificationRules.of(realm));
    }

    /** The password part of the policy as Keycloak's password policy string has it. */
    public static PasswordRules password(PasswordPolicy policy) {
        return new PasswordRules(
                policy.getPolicyConfig("length"),
                requiresAtLeastOne(policy, "upperCase"),
                requiresAtLeastOne(policy, "lowerCase"),
                requiresAtLeastOne(policy, "digits"),
                requiresAtLeastOne(policy, "specialChars"),
                Math.max(policy.getDaysToExpirePassword(), 0),
                Math.max(policy.getExpiredPasswords(), 0),
                policy.getPolicies().contains(PasswordRules.BLOCK_COMMON_POLICY_ID),
                policy.getPolicies().contains(PasswordRules.BLOCK_BREACHED_POLICY_ID),
                BlockedWords.parse(policy.toBuilder().get(BlockedWords.POLICY_ID)));
    }

    private static boolean requiresAtLeastOne(PasswordPolicy policy, String id) {
        Integer count = policy.getPolicyConfig(id);
        return count != null && count > 0;
    }

    private static SessionRules sessions(RealmModel realm) {
        return SessionRules.fromKeycloakSeconds(
                SessionExpirationUtils.getSsoSessionIdleTimeout(realm),
                SessionExpirationUtils.getSsoSessionMaxLifespan(realm),
                concurrentSessionLimit(realm).orElse(null));
    }

    /** The lowest realm-wide limit of any enabled session-limit step in the realm's browser flow. */
    static Optional<Integer> concurrentSessionLimit(RealmModel realm) {
        if (realm.getBrowserFlow() == null) {
            return Optional.empty();
        }
        return sessionLimitsIn(realm, realm.getBrowserFlow().getId())
                .stream()
                .filter(limit -> limit > 0)
                .min(Integer::compare);
    }

    private static List<Integer> sessionLimitsIn(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> execution.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED)
                .flatMap(execution -> {
                    if (execution.isAuthenticatorFlow()) {
                        return sessionLimitsIn(realm, execution.getFlowId()).stream();
                    }
                    if (!SESSION_LIMITS_AUTHENTICATOR.equals(execution.getAuthenticator())) {
                        return Stream.empty();
                    }
                    return Optional.ofNullable(execution.getAuthenticatorConfig())
                            .map(realm::getAuthenticatorConfigById)
                            .map(AuthenticatorConfigModel::getConfig)
                            .map(SecurityPolicyReader::parseLimit)
                            .stream();
                })
                .toList();
    }

    private static Integer parseLimit(Map<String, String> config) {
        try {
            return Integer.parseInt(config.getOrDefault(SESSION_LIMITS_REALM_LIMIT, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The SSO part of the policy, from the realm's attributes. */
    public static SsoRules sso(RealmModel realm) {
        return new SsoRules(realm.getAttribute(PolicyAttributes.SSO_REQUIRED, PolicyDefaults.SSO_REQUIRED),
                realm.getAttribute(PolicyAttributes.SSO_BREAK_GLASS_ROLE));
    }

    /** The 2FA part of the policy, from the realm's attributes. */
    public static MfaRules mfa(RealmModel realm) {
        return new MfaRules(
                realm.getAttribute(PolicyAttributes.MFA_ENFORCEMENT, MfaEnforcement.class,
                        PolicyDefaults.MFA_ENFORCEMENT),
                listAttribute(realm, PolicyAttributes.MFA_METHODS, PolicyDefaults.MFA_METHODS).stream()
                        .flatMap(name -> Arrays.stream(MfaMethod.values()).filter(m -> m.name().equals(name)))
                        .toList(),
                RoleListAttribute.read(realm.getAttribute(PolicyAttributes.MFA_ADMIN_ROLES),
                        PolicyDefaults.adminRoles(realm)),
                realm.getAttribute(PolicyAttributes.MFA_ADMIN_STRENGTH, MfaAdminStrength.class,
                        PolicyDefaults.MFA_ADMIN_STRENGTH));
    }

    private static LockoutRules lockout(RealmModel realm) {
        return LockoutRules.fromBruteForce(
                realm.isBruteForceProtected(),
                realm.getFailureFactor(),
                realm.isPermanentLockout(),
                realm.getMaxTemporaryLockouts(),
                realm.getWaitIncrementSeconds(),
                realm.getAttribute(PolicyAttributes.LOCKOUT_EMAIL_USER, PolicyDefaults.LOCKOUT_EMAIL_USER),
                realm.getAttribute(PolicyAttributes.LOCKOUT_NOTIFY_ADMINS, PolicyDefaults.LOCKOUT_NOTIFY_ADMINS));
    }

    /**
     * Lists are stored comma-separated; an empty attribute is an empty list, a missing one is the default. Names
     * that are not known (an attribute edited by hand) are dropped rather than failing the whole read.
     */
    private static List<String> listAttribute(RealmModel realm, String name, List<?> fallback) {
        String value = realm.getAttribute(name);
        if (value == null) {
            return fallback.stream().map(Object::toString).toList();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
