package dev.securitycenter.policy;

/**
 * Realm attributes holding the parts of the policy Keycloak has no setting for. Realm attributes are cached and
 * invalidated cluster-wide by Keycloak's realm cache, so every node sees one value.
 */
public final class PolicyAttributes {

    public static final String PREFIX = "securityCenter.";
    public static final String UPDATED_AT = PREFIX + "updatedAt";
    public static final String UPDATED_BY = PREFIX + "updatedBy";
    public static final String LOCKOUT_EMAIL_USER = PREFIX + "lockout.emailUser";
    public static final String LOCKOUT_NOTIFY_ADMINS = PREFIX + "lockout.notifyAdmins";
    public static final String MFA_ENFORCEMENT = PREFIX + "mfa.enforcement";
    public static final String MFA_METHODS = PREFIX + "mfa.methods";
    public static final String MFA_ADMIN_ROLES = PREFIX + "mfa.adminRoles";
    public static final String MFA_ADMIN_STRENGTH = PREFIX + "mfa.adminStrength";
    public static final String SSO_REQUIRED = PREFIX + "sso.required";
    public static final String SSO_BREAK_GLASS_ROLE = PREFIX + "sso.breakGlassRole";
    public static final String NOTIFY_NEW_SIGN_IN = PREFIX + "notifications.newSignIn";
    public static final String NOTIFY_CREDENTIAL_CHANGES = PREFIX + "notifications.credentialChanges";
    public static final String NOTIFY_ADMIN_EACH_LOCKOUT = PREFIX + "notifications.adminEachLockout";
    public static final String IP_ALLOWLIST_ENABLED = PREFIX + "ipAllowlist.enabled";
    /** Changes on every save, so each node knows its compiled allowlist is out of date. */
    public static final String IP_ALLOWLIST_VERSION = PREFIX + "ipAllowlist.version";

    private PolicyAttributes() {
    }
}
