package dev.securitycenter.lockout;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * A user the brute-force detector has locked. {@code until} is null for a permanent lockout ("manual unlock
 * only"); times are ISO-8601 instants. The person (id, username, email, address) is null for a caller who may
 * not view that user.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LockedUser(@Nullable String userId, @Nullable String username, @Nullable String email,
                         boolean permanent, int failures, @Nullable String lastFailure, @Nullable String lastFailureIp, @Nullable String until) {
}
