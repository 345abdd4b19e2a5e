package dev.securitycenter.policy;

/**
 * Ranges the API accepts: from the lowest to the highest option the spec offers for each setting (the console
 * offers exactly those options), so values set in Keycloak's own console between two options are kept.
 */
public final class PolicyLimits {

    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 20;
    public static final int MAX_EXPIRY_DAYS = 365;
    public static final int MAX_PREVENT_REUSE = 15;
    public static final int MIN_IDLE_MINUTES = 15;
    public static final int MAX_IDLE_MINUTES = 240;
    public static final int MIN_LIFETIME_HOURS = 8;
    public static final int MAX_LIFETIME_HOURS = 168;
    public static final int MIN_CONCURRENT_SESSIONS = 1;
    public static final int MAX_CONCURRENT_SESSIONS = 5;
    public static final int MIN_LOCKOUT_FAILURES = 3;
    public static final int MAX_LOCKOUT_FAILURES = 15;
    public static final int MIN_LOCKOUT_MINUTES = 15;
    public static final int MAX_LOCKOUT_MINUTES = 120;
    public static final int MAX_ADMIN_ROLES = 20;
    /** Keycloak keeps role names in a 255-character column. */
    public static final int MAX_ROLE_NAME_LENGTH = 255;
    public static final int MAX_ALLOWLIST_ENTRIES = 10_000;
    public static final int MAX_LABEL_LENGTH = 100;
    /** Keycloak keeps the whole password policy string in 2,550 characters: the words take at most 1,650. */
    public static final int MAX_BLOCKED_WORDS = 50;
    public static final int MIN_BLOCKED_WORD_LENGTH = 3;
    public static final int MAX_BLOCKED_WORD_LENGTH = 32;

    private PolicyLimits() {
    }
}
