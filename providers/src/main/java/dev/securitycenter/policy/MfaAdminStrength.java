package dev.securitycenter.policy;

/**
 * What second factor the admins (holders of {@code mfa.adminRoles}) must use while 2FA is required for them: any
 * allowed method, or a passkey, the one allowed method a phishing kit cannot relay.
 */
public enum MfaAdminStrength {
    ANY,
    PHISHING_RESISTANT
}
