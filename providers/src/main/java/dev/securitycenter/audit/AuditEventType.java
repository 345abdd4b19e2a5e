package dev.securitycenter.audit;

import java.util.Arrays;
import java.util.Optional;

/** Every event type the audit log records, with the names the spec gives. README lists what triggers each. */
public enum AuditEventType {
    PASSWORD_CHANGED("auth.password_changed"),
    PASSWORD_COMPROMISED("auth.password_compromised"),
    NEW_DEVICE_SIGNIN("auth.new_device_signin"),
    COMPROMISE_REPORTED("auth.compromise_reported"),
    TWO_FACTOR_ENABLED("auth.2fa_enabled"),
    TWO_FACTOR_DISABLED("auth.2fa_disabled"),
    RECOVERY_CODES_REGENERATED("auth.2fa_recovery_codes_regenerated"),
    SESSION_REVOKED("auth.session_revoked"),
    LOGIN_SUCCEEDED("auth.login_succeeded"),
    LOGIN_FAILED("auth.login_failed"),
    ACCOUNT_LOCKED("auth.account_locked"),
    ACCOUNT_UNLOCKED("auth.account_unlocked"),
    IP_DENIED("auth.ip_denied"),
    POLICY_UPDATED("policy.updated"),
    TWO_FACTOR_REMINDERS_SENT("policy.2fa_reminders_sent");

    private final String code;

    AuditEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AuditEventType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
