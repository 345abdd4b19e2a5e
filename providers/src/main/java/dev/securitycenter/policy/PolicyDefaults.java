package dev.securitycenter.policy;

import java.util.List;

/** The spec's "Default" column, used where the realm holds no value of ours yet. */
public final class PolicyDefaults {

    public static final MfaEnforcement MFA_ENFORCEMENT = MfaEnforcement.OPTIONAL;
    public static final List<MfaMethod> MFA_METHODS = List.of(MfaMethod.TOTP, MfaMethod.SMS);
    public static final List<String> MFA_ADMIN_ROLES = List.of("Super Admin", "Admin");
    public static final boolean LOCKOUT_EMAIL_USER = true;
    public static final boolean LOCKOUT_NOTIFY_ADMINS = true;
    public static final boolean SSO_REQUIRED = false;

    private PolicyDefaults() {
    }
}
