package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.annotation.Nullable;

/**
 * The realm's security policy as admins read and write it. Each part is stored where Keycloak already keeps that
 * concern (password policy string, brute-force settings, SSO timeouts, flows); this record is only the projection.
 * Nulls are always serialised because they carry meaning ("never", "unlimited", "manual unlock only").
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"configured", "updatedAt", "updatedBy", "password", "sessions", "mfa", "lockout", "ipAllowlist", "sso",
        "notifications"})
public record SecurityPolicy(
        boolean configured,
        @Nullable String updatedAt,
        @Nullable String updatedBy,
        PasswordRules password,
        SessionRules sessions,
        MfaRules mfa,
        LockoutRules lockout,
        IpAllowlistRules ipAllowlist,
        SsoRules sso,
        NotificationRules notifications) {
}
