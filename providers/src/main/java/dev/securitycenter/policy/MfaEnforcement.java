package dev.securitycenter.policy;

/** Who must use a second factor, as the spec's four radio options. */
public enum MfaEnforcement {
    DISABLED,
    OPTIONAL,
    REQUIRED_ALL,
    REQUIRED_ADMINS
}
