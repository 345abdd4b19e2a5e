package dev.securitycenter.lockout;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * One lockout of the lockout history: who was locked, when and from where, and how it ended. {@code ended} is
 * {@code LOCKED} (still in force), {@code UNLOCKED} (lifted by an admin; {@code endedAt} and {@code unlockedBy}
 * name when and who where the log knows) or {@code EXPIRED} (the wait ran out). The person and the places
 * ({@code userId}, {@code username}, {@code ipAddress}, {@code unlockedBy}) are null for a caller who may not view
 * that user.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PastLockout(@Nullable String userId, @Nullable String username, String lockedAt,
                          @Nullable String ipAddress, boolean permanent, @Nullable Integer failures, Ending ended,
                          @Nullable String endedAt, @Nullable String unlockedBy) {

    public enum Ending { LOCKED, UNLOCKED, EXPIRED }
}
