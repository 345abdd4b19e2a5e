package dev.securitycenter.policy;

/** Second factors an admin can allow. */
public enum MfaMethod {
    TOTP,
    SMS,
    EMAIL
}
