package dev.securitycenter.policy;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.securitycenter.policy.PolicyLimits.*;

/**
 * The spec's validation rules over a whole document. Allowlist values come back canonical, and when the list is
 * enabled without covering the saving admin's own address, that address is added (spec: self-lockout guard).
 */
public final class PolicyValidator {

    /** A valid policy ready to apply, with what the server did on the admin's behalf. */
    public record Validated(SecurityPolicy policy, List<Notice> notices) {
    }

    /** Something the server did or wants the admin to know; {@code code} is stable for the console. */
    public record Notice(String code, String message) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final List<FieldError> errors = new ArrayList<>();

    public PolicyValidator(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Validated validate(SecurityPolicy policy, String callerAddress, String caller)
            throws InvalidPolicyException {
        password(policy.password());
        sessions(policy.sessions());
        mfa(policy.mfa());
        lockout(policy.lockout());
        sso(policy.sso());
        List<Notice> notices = new ArrayList<>();
        IpAllowlistRules allowlist = allowlist(policy.ipAllowlist(), callerAddress, caller, notices);
        if (!errors.isEmpty()) {
            throw new InvalidPolicyException(PolicyDocumentReader.capped(errors));
        }
        return new Validated(new SecurityPolicy(policy.configured(), policy.updatedAt(), policy.updatedBy(),
                policy.password(), policy.sessions(), policy.mfa(), policy.lockout(), allowlist, policy.sso(),
                policy.notifications()),
                notices);
    }

    private void password(PasswordRules password) {
        range("password.minLength", password.minLength(), MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
        // Blocking common passwords guards against the guessable ones that forced classes only push people to
        // decorate ("Password1!"), so with the list on, character classes are the admin's choice (NIST 800-63B).
        if (!password.blockCommon() && !password.requireUppercase() && !password.requireLowercase()
                && !password.requireDigits() && !password.requireSpecial()) {
            errors.add(new FieldError("password.complexity",
                    "at least one character class must be required unless common passwords are blocked"));
        }
        range("password.expiryDays", password.expiryDays(), 0, MAX_EXPIRY_DAYS);
        range("password.preventReuse", password.preventReuse(), 0, MAX_PREVENT_REUSE);
        blockedWords(password.blockedWords());
    }

    private void blockedWords(List<String> words) {
        if (words.size() > MAX_BLOCKED_WORDS) {
            errors.add(new FieldError("password.blockedWords", "at most " + MAX_BLOCKED_WORDS + " words"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String field = "password.blockedWords[" + i + "]";
            if (word.length() < MIN_BLOCKED_WORD_LENGTH || word.length() > MAX_BLOCKED_WORD_LENGTH) {
                errors.add(new FieldError(field, "must be " + MIN_BLOCKED_WORD_LENGTH + " to "
                        + MAX_BLOCKED_WORD_LENGTH + " characters"));
            } else if (!BlockedWords.WORD.matcher(word).matches()) {
                errors.add(new FieldError(field, "must be one word of letters and digits"));
            } else if (!seen.add(word.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field, "lists '" + word + "' twice"));
            }
        }
    }

    private void sessions(SessionRules sessions) {
        if (sessions.idleTimeoutMinutes() != null) {
            range("sessions.idleTimeoutMinutes", sessions.idleTimeoutMinutes(), MIN_IDLE_MINUTES, MAX_IDLE_MINUTES);
        }
        range("sessions.maxLifetimeHours", sessions.maxLifetimeHours(), MIN_LIFETIME_HOURS, MAX_LIFETIME_HOURS);
        if (sessions.maxConcurrentSessions() != null) {
            range("sessions.maxConcurrentSessions", sessions.maxConcurrentSessions(), MIN_CONCURRENT_SESSIONS,
                    MAX_CONCURRENT_SESSIONS);
        }
    }

    private void mfa(MfaRules mfa) {
        if (mfa.methods().stream().distinct().count() != mfa.methods().size()) {
            errors.add(new FieldError("mfa.methods", "lists a method twice"));
        }
        if (mfa.enforcement() != MfaEnforcement.DISABLED && mfa.methods().isEmpty()) {
            errors.add(new FieldError("mfa.methods", "at least one method must be allowed unless 2FA is disabled"));
        }
        if (mfa.adminStrength() == MfaAdminStrength.PHISHING_RESISTANT && !mfa.methods().contains(MfaMethod.PASSKEY)) {
            errors.add(new FieldError("mfa.adminStrength", "PHISHING_RESISTANT needs PASSKEY among mfa.methods"));
        }
        if (mfa.adminRoles().size() > MAX_ADMIN_ROLES) {
            // each name is looked up: a longer list is not read further
            errors.add(new FieldError("mfa.adminRoles", "at most " + MAX_ADMIN_ROLES + " roles"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mfa.adminRoles().size(); i++) {
            String role = mfa.adminRoles().get(i);
            String field = "mfa.adminRoles[" + i + "]";
            if (!seen.add(role)) {
                errors.add(new FieldError(field, "lists '" + role + "' twice"));
            } else {
                role(field, role, "realm-management.manage-users");
            }
        }
    }

    private void sso(SsoRules sso) {
        if (sso.required() && SsoProviders.names(session).isEmpty()) {
            errors.add(new FieldError("sso.required", "needs an enabled identity provider to sign users in"));
        }
        if (sso.breakGlassRole() != null) {
            role("sso.breakGlassRole", sso.breakGlassRole(), "realm-management.realm-admin");
        }
    }

    /**
     * A role the policy names must be one it may name. What cannot be a role name (too long for Keycloak's column,
     * control characters the database refuses) is refused before any lookup and without being repeated back.
     */
    private void role(String field, String role, String example) {
        if (role.length() > MAX_ROLE_NAME_LENGTH || role.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "is not a role name (at most " + MAX_ROLE_NAME_LENGTH
                    + " characters, no control characters)"));
        } else if (PolicyRoles.resolve(realm, role).isEmpty()) {
            errors.add(new FieldError(field, "'" + role + "' is not a realm role or one of the realm's"
                    + " administration roles (e.g. " + example + ")"));
        }
    }

    private void lockout(LockoutRules lockout) {
        if (lockout.maxFailures() != null) {
            range("lockout.maxFailures", lockout.maxFailures(), MIN_LOCKOUT_FAILURES, MAX_LOCKOUT_FAILURES);
        }
        if (lockout.durationMinutes() != null) {
            range("lockout.durationMinutes", lockout.durationMinutes(), MIN_LOCKOUT_MINUTES, MAX_LOCKOUT_MINUTES);
        }
    }

    private IpAllowlistRules allowlist(IpAllowlistRules allowlist, String callerAddress, String caller,
                                       List<Notice> notices) {
        List<IpAllowlistEntry> entries = allowlist.entries();
        if (entries.size() > MAX_ALLOWLIST_ENTRIES) {
            errors.add(new FieldError("ipAllowlist.entries", "at most " + MAX_ALLOWLIST_ENTRIES + " entries"));
            return allowlist;
        }
        List<IpAllowlistEntry> canonical = new ArrayList<>();
        List<IpRange> ranges = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            IpAllowlistEntry entry = entries.get(i);
            String field = "ipAllowlist.entries[" + i + "]";
            if (entry.label() != null && entry.label().length() > MAX_LABEL_LENGTH) {
                errors.add(new FieldError(field + ".label", "at most " + MAX_LABEL_LENGTH + " characters"));
            }
            try {
                IpRange range = IpRange.parse(entry.value());
                Integer earlier = firstIndex.putIfAbsent(range.canonical(), i);
                if (earlier != null) {
                    errors.add(new FieldError(field + ".value", "duplicates ipAllowlist.entries[" + earlier + "] ("
                            + range.canonical() + ")"));
                }
                ranges.add(range);
                canonical.add(new IpAllowlistEntry(range.canonical(), blankToNull(entry.label()), null, null));
            } catch (InvalidIpRangeException e) {
                errors.add(new FieldError(field + ".value", e.getMessage()));
            }
        }
        if (allowlist.enabled() && entries.isEmpty()) {
            errors.add(new FieldError("ipAllowlist.entries", "add at least one address before enabling the allowlist"));
        }
        Optional<IpRange> own = IpRange.address(callerAddress);
        if (allowlist.enabled() && !entries.isEmpty() && own.isPresent()
                && ranges.stream().noneMatch(range -> range.contains(own.get()))) {
            if (canonical.size() >= MAX_ALLOWLIST_ENTRIES) {
                errors.add(new FieldError("ipAllowlist.entries", "your address " + own.get().canonical()
                        + " is not covered and the list is full"));
            } else {
                canonical.add(new IpAllowlistEntry(own.get().canonical(), "Added for " + caller, null, null));
                notices.add(new Notice("CALLER_ADDRESS_ADDED", "Your address " + own.get().canonical()
                        + " was added to the allowlist so you are not locked out."));
            }
        }
        return new IpAllowlistRules(allowlist.enabled(), canonical);
    }

    private void range(String field, Integer value, int min, int max) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value < min || value > max) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max));
        }
    }

    private static String blankToNull(String label) {
        return label == null || label.isBlank() ? null : label.trim();
    }
}
