package dev.securitycenter.policy;

/** Second factors an admin can allow. A passkey is phishing-resistant and, used alone, counts as both factors. */
public enum MfaMethod {
    TOTP,
    SMS,
    EMAIL,
    PASSKEY
}
