package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * 2FA enforcement, allowed methods, the realm roles that count as "admins" (for REQUIRED_ADMINS, and for the admin
 * strength under either required mode) and the second factor those admins must use.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MfaRules(MfaEnforcement enforcement, List<MfaMethod> methods, List<String> adminRoles,
                       MfaAdminStrength adminStrength) {

    /** Whether the admins must use a passkey: the strength is set and a required mode applies to them. */
    public boolean adminsNeedPasskey() {
        return adminStrength == MfaAdminStrength.PHISHING_RESISTANT
                && (enforcement == MfaEnforcement.REQUIRED_ADMINS || enforcement == MfaEnforcement.REQUIRED_ALL);
    }
}
