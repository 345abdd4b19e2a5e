package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * Password rules. {@code minLength} is null when the realm's password policy sets no minimum; {@code expiryDays}
 * and {@code preventReuse} are 0 when off, as the spec's option lists show them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PasswordRules(
        @Nullable Integer minLength,
        boolean requireUppercase,
        boolean requireLowercase,
        boolean requireDigits,
        boolean requireSpecial,
        int expiryDays,
        int preventReuse) {
}
