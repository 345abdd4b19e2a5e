package dev.securitycenter.policy;

import org.keycloak.models.RealmModel;

import java.util.List;

/** The spec's "Default" column, used where the realm holds no value of ours yet. */
public final class PolicyDefaults {

    public static final MfaEnforcement MFA_ENFORCEMENT = MfaEnforcement.OPTIONAL;
    public static final List<MfaMethod> MFA_METHODS = List.of(MfaMethod.TOTP, MfaMethod.SMS);
    /**
     * "Set up security defaults" also offers passkeys (NIST 800-63B rev 4: AAL2 verifiers offer a phishing-resistant
     * option). A realm never set up reads as {@link #MFA_METHODS}, because nothing configured its WebAuthn policy.
     */
    public static final List<MfaMethod> RECOMMENDED_MFA_METHODS = List.of(MfaMethod.TOTP, MfaMethod.PASSKEY,
            MfaMethod.SMS);
    public static final MfaAdminStrength MFA_ADMIN_STRENGTH = MfaAdminStrength.ANY;
    public static final List<String> MFA_ADMIN_ROLES = List.of("Super Admin", "Admin");
    public static final boolean LOCKOUT_EMAIL_USER = true;
    public static final boolean LOCKOUT_NOTIFY_ADMINS = true;
    public static final boolean SSO_REQUIRED = false;
    public static final boolean NOTIFY_NEW_SIGN_IN = true;
    public static final boolean NOTIFY_CREDENTIAL_CHANGES = true;
    public static final boolean NOTIFY_ADMIN_EACH_LOCKOUT = false;

    private PolicyDefaults() {
    }

    /**
     * The spec's "Super Admin" and "Admin" where the realm has such roles; none otherwise, which makes the holders of
     * Keycloak's administration roles the admins ({@link PolicyAdmins}).
     */
    public static List<String> adminRoles(RealmModel realm) {
        return MFA_ADMIN_ROLES.stream().filter(role -> realm.getRole(role) != null).toList();
    }

    /**
     * The spec's recommended policy ("Set up security defaults"): 12 characters of all four classes, 90-day expiry,
     * 5 remembered passwords, common passwords blocked (the admin's own blocked words and the breach check, which
     * asks an outside service, are kept as they are), 30-minute idle and 24-hour sessions, 3 devices, 2FA optional
     * (TOTP, passkeys and SMS), lockout after 5 failures for 30 minutes with both notifications, allowlist off (its
     * entries are kept), mails on new sign-ins and credential changes (no alert on every single lockout).
     */
    public static SecurityPolicy recommended(RealmModel realm, List<IpAllowlistEntry> allowlist) {
        PasswordRules current = SecurityPolicyReader.password(realm.getPasswordPolicy());
        return new SecurityPolicy(false, null, null,
                new PasswordRules(12, true, true, true, true, 90, 5, true, current.blockBreached(),
                        current.blockedWords()),
                new SessionRules(30, 24, 3),
                new MfaRules(MFA_ENFORCEMENT, RECOMMENDED_MFA_METHODS, adminRoles(realm), MFA_ADMIN_STRENGTH),
                new LockoutRules(5, 30, LOCKOUT_EMAIL_USER, LOCKOUT_NOTIFY_ADMINS),
                new IpAllowlistRules(false, allowlist),
                new SsoRules(SSO_REQUIRED, null),
                new NotificationRules(NOTIFY_NEW_SIGN_IN, NOTIFY_CREDENTIAL_CHANGES, NOTIFY_ADMIN_EACH_LOCKOUT));
    }
}
