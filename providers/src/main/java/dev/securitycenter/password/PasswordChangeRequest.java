package dev.securitycenter.password;

/** The body of {@code POST /password}. */
public record PasswordChangeRequest(String currentPassword, String newPassword, String confirmation) {
}
