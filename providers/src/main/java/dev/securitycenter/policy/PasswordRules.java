package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

import java.util.List;

/**
 * Password rules. {@code minLength} is null when the realm's password policy sets no minimum; {@code expiryDays}
 * and {@code preventReuse} are 0 when off, as the spec's option lists show them. {@code blockCommon} is on when the
 * realm's password policy holds the entry {@value #BLOCK_COMMON_POLICY_ID} (the password capability's provider), {@code blockBreached} when it holds {@value #BLOCK_BREACHED_POLICY_ID};
 * {@code blockedWords} are the admin's own words, see {@link BlockedWords}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PasswordRules(
        @Nullable Integer minLength,
        boolean requireUppercase,
        boolean requireLowercase,
        boolean requireDigits,
        boolean requireSpecial,
        int expiryDays,
        int preventReuse,
        boolean blockCommon,
        boolean blockBreached,
        List<String> blockedWords) {

    public static final String BLOCK_COMMON_POLICY_ID = "securityCenterCommonPasswords";
    public static final String BLOCK_BREACHED_POLICY_ID = "securityCenterBreachedPasswords";
}
