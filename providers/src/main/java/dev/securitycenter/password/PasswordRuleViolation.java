package dev.securitycenter.password;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One broken rule of a password change: the request field, the rule's name (the realm password policy's id such
 * as {@code length} or {@code passwordHistory}; {@code blocklist} for the common-password list), or {@code required},
 * {@code matches}, {@code correct}) and the text.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"field", "rule", "message"})
public record PasswordRuleViolation(String field, String rule, String message) {
}
