package dev.securitycenter.policy;

import dev.securitycenter.policy.Finding.Status;
import org.keycloak.models.PasswordPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * The effective policy checked against NIST SP 800-63B revision 4 (AAL2) and the OWASP ASVS 5.0 items this
 * extension touches (clauses as {@code shared/standards.md} summarises them). Where both standards ask the same
 * thing each gets its own finding, judged by the one rule below. The spec keeps options the standards advise
 * against (composition rules, expiry); the assessment says plainly when a choice does not meet them.
 */
public final class StandardsAssessment {

    static final String NIST = "NIST 800-63B-4 ";
    static final String ASVS = "OWASP ASVS 5.0 ";
    /** NIST: a password that is the only factor needs at least 15 characters; with a second factor, 8. */
    static final int SINGLE_FACTOR_MIN_LENGTH = 15;
    static final int LONGEST_PASSWORD_ALLOWED_AT_LEAST = 64;
    static final int MAX_CONSECUTIVE_FAILURES = 100;
    static final int MAX_IDLE_MINUTES = 60;
    static final int MAX_REAUTHENTICATION_HOURS = 24;

    private StandardsAssessment() {
    }

    public static List<Finding> assess(SecurityPolicy policy, PasswordPolicy keycloakPasswordPolicy) {
        PasswordRules password = policy.password();
        List<Finding> findings = new ArrayList<>();
        findings.add(length(NIST + "3.1.1.2", password, policy.mfa()));
        findings.add(longPasswords(NIST + "3.1.1.2", keycloakPasswordPolicy));
        findings.add(composition(NIST + "3.1.1.2", password));
        findings.add(rotation(NIST + "3.1.1.2", password));
        findings.add(blocklist(NIST + "3.1.1.2", password));
        findings.add(compromiseForcesChange(NIST + "3.1.1.2", password));
        findings.add(rateLimiting(NIST + "3.2.2", policy.lockout()));
        findings.add(multiFactor(NIST + "2.2.2", policy.mfa()));
        findings.add(phishingResistant(NIST + "2.2.2", policy.mfa()));
        findings.add(reauthentication(NIST + "2.2.2", policy.sessions()));
        findings.add(idleTimeout(NIST + "2.2.2", policy.sessions()));
        findings.add(asvsLength(ASVS + "6.2.1", password));
        findings.add(common(ASVS + "6.2.4", password));
        findings.add(composition(ASVS + "6.2.5", password));
        findings.add(longPasswords(ASVS + "6.2.9", keycloakPasswordPolicy));
        findings.add(rotation(ASVS + "6.2.10", password));
        findings.add(breached(ASVS + "6.2.12", password));
        findings.add(rateLimiting(ASVS + "6.3.1", policy.lockout()));
        findings.add(asvsIdle(ASVS + "7.3.1", policy.sessions()));
        findings.add(reauthentication(ASVS + "7.3.2", policy.sessions()));
        return findings;
    }

    private static Finding length(String ref, PasswordRules password, MfaRules mfa) {
        int min = password.minLength() == null ? 0 : password.minLength();
        String field = "password.minLength";
        if (min >= SINGLE_FACTOR_MIN_LENGTH) {
            return new Finding(ref, field, Status.MET, "At least " + min + " characters: long enough even where the"
                    + " password is the only factor.");
        }
        if (min < PolicyLimits.MIN_PASSWORD_LENGTH) {
            return new Finding(ref, field, Status.NOT_MET, "Passwords must be at least 8 characters long.");
        }
        if (mfa.enforcement() == MfaEnforcement.REQUIRED_ALL) {
            return new Finding(ref, field, Status.MET, min + " characters is enough because every user must also"
                    + " use a second factor.");
        }
        return new Finding(ref, field, Status.PARTIAL, min + " characters is enough only with a second factor;"
                + " users who sign in with a password alone need at least 15. Require 2FA for everyone or raise the"
                + " minimum.");
    }

    private static Finding asvsLength(String ref, PasswordRules password) {
        int min = password.minLength() == null ? 0 : password.minLength();
        String field = "password.minLength";
        if (min >= SINGLE_FACTOR_MIN_LENGTH) {
            return new Finding(ref, field, Status.MET, "At least " + min + " characters.");
        }
        return min >= PolicyLimits.MIN_PASSWORD_LENGTH
                ? new Finding(ref, field, Status.PARTIAL, "The 8-character floor is met; 15 is recommended.")
                : new Finding(ref, field, Status.NOT_MET, "Passwords must be at least 8 characters long.");
    }

    private static Finding longPasswords(String ref, PasswordPolicy keycloakPasswordPolicy) {
        Integer max = keycloakPasswordPolicy.getPolicyConfig("maxLength");
        return max != null && max < LONGEST_PASSWORD_ALLOWED_AT_LEAST
                ? new Finding(ref, null, Status.NOT_MET, "The realm's Keycloak password policy caps passwords at "
                        + max + " characters; at least 64 must be allowed. Remove or raise its Maximum length.")
                : new Finding(ref, null, Status.MET, "Passwords of 64 characters and more are accepted whole.");
    }

    private static Finding composition(String ref, PasswordRules password) {
        boolean any = password.requireUppercase() || password.requireLowercase() || password.requireDigits()
                || password.requireSpecial();
        return any
                ? new Finding(ref, "password.complexity", Status.NOT_MET, "Required character classes push people"
                        + " to predictable patterns such as a capital first and '1!' last; the standard asks for"
                        + " none. Block common passwords instead and clear the boxes.")
                : new Finding(ref, "password.complexity", Status.MET, "No character classes are imposed.");
    }

    private static Finding rotation(String ref, PasswordRules password) {
        return password.expiryDays() > 0
                ? new Finding(ref, "password.expiryDays", Status.NOT_MET, "Passwords expire every "
                        + password.expiryDays() + " days; the standard asks for changes only on evidence of"
                        + " compromise. Set expiry to Never.")
                : new Finding(ref, "password.expiryDays", Status.MET, "Passwords do not expire on a schedule.");
    }

    private static Finding blocklist(String ref, PasswordRules password) {
        if (password.blockCommon() && password.blockBreached()) {
            return new Finding(ref, "password.blockCommon", Status.MET, "New passwords are checked against common"
                    + " passwords and known breaches, and a refusal says why.");
        }
        if (password.blockCommon() || password.blockBreached()) {
            return new Finding(ref, password.blockCommon() ? "password.blockBreached" : "password.blockCommon",
                    Status.PARTIAL, "New passwords are checked against "
                    + (password.blockCommon() ? "common passwords but not known breaches"
                    : "known breaches but not common passwords") + "; turn on both.");
        }
        return new Finding(ref, "password.blockCommon", Status.NOT_MET, "New passwords are not compared with any"
                + " list of common or compromised passwords.");
    }

    private static Finding compromiseForcesChange(String ref, PasswordRules password) {
        return password.blockCommon() || password.blockBreached()
                ? new Finding(ref, "password.blockBreached", Status.MET, "A correct password that is now on the"
                        + " list, or found in a breach, must be changed at sign-in.")
                : new Finding(ref, "password.blockBreached", Status.PARTIAL, "Only an admin can force a change;"
                        + " with a blocklist on, sign-in forces it when a password turns out to be compromised.");
    }

    private static Finding common(String ref, PasswordRules password) {
        return password.blockCommon()
                ? new Finding(ref, "password.blockCommon", Status.MET, "The most common passwords are refused.")
                : new Finding(ref, "password.blockCommon", Status.NOT_MET, "Common passwords are accepted.");
    }

    private static Finding breached(String ref, PasswordRules password) {
        return password.blockBreached()
                ? new Finding(ref, "password.blockBreached", Status.MET, "Passwords known from breaches are refused.")
                : new Finding(ref, "password.blockBreached", Status.NOT_MET, "Passwords known from breaches are"
                        + " accepted.");
    }

    private static Finding rateLimiting(String ref, LockoutRules lockout) {
        String field = "lockout.maxFailures";
        if (lockout.maxFailures() == null) {
            return new Finding(ref, field, Status.NOT_MET, "Failed sign-ins are never limited.");
        }
        return lockout.maxFailures() <= MAX_CONSECUTIVE_FAILURES
                ? new Finding(ref, field, Status.MET, "An account locks after " + lockout.maxFailures()
                        + " failed attempts.")
                : new Finding(ref, field, Status.NOT_MET, "Lock accounts well before 100 failed attempts.");
    }

    private static Finding multiFactor(String ref, MfaRules mfa) {
        String field = "mfa.enforcement";
        return switch (mfa.enforcement()) {
            case REQUIRED_ALL -> new Finding(ref, field, Status.MET, "Every user signs in with two factors.");
            case REQUIRED_ADMINS, OPTIONAL -> new Finding(ref, field, Status.PARTIAL, "Two factors are required"
                    + " only of some users; the level asks it of everyone.");
            case DISABLED -> new Finding(ref, field, Status.NOT_MET, "Two-factor authentication is off.");
        };
    }

    private static Finding phishingResistant(String ref, MfaRules mfa) {
        return mfa.methods().contains(MfaMethod.PASSKEY)
                ? new Finding(ref, "mfa.methods", Status.MET, "Passkeys, a phishing-resistant method, are offered.")
                : new Finding(ref, "mfa.methods", Status.NOT_MET, "No phishing-resistant method is offered: codes"
                        + " from an app, SMS or email can be relayed by a phishing site. Allow passkeys.");
    }

    private static Finding reauthentication(String ref, SessionRules sessions) {
        return sessions.maxLifetimeHours() <= MAX_REAUTHENTICATION_HOURS
                ? new Finding(ref, "sessions.maxLifetimeHours", Status.MET, "Users sign in again at least every "
                        + sessions.maxLifetimeHours() + " hours.")
                : new Finding(ref, "sessions.maxLifetimeHours", Status.NOT_MET, "Sessions last "
                        + sessions.maxLifetimeHours() + " hours; ask users to sign in again at least every 24.");
    }

    /** A recommendation ("should") at this level, so a longer idle timeout is PARTIAL, not NOT_MET. */
    private static Finding idleTimeout(String ref, SessionRules sessions) {
        Integer idle = sessions.idleTimeoutMinutes();
        return idle != null && idle <= MAX_IDLE_MINUTES
                ? new Finding(ref, "sessions.idleTimeoutMinutes", Status.MET, "Idle sessions end after " + idle
                        + " minutes.")
                : new Finding(ref, "sessions.idleTimeoutMinutes", Status.PARTIAL, "Idle sessions should end"
                        + " within an hour.");
    }

    private static Finding asvsIdle(String ref, SessionRules sessions) {
        return sessions.idleTimeoutMinutes() != null
                ? new Finding(ref, "sessions.idleTimeoutMinutes", Status.MET, "Idle sessions end after "
                        + sessions.idleTimeoutMinutes() + " minutes.")
                : new Finding(ref, "sessions.idleTimeoutMinutes", Status.NOT_MET, "Idle sessions never end.");
    }
}
