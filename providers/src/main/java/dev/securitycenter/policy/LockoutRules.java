package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * Failed-login protection. {@code maxFailures} null means "Never" (brute-force detection off);
 * {@code durationMinutes} null means "Manual unlock only" (permanent lockout).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LockoutRules(@Nullable Integer maxFailures, @Nullable Integer durationMinutes, boolean emailUser,
                           boolean notifyAdmins) {

    public static LockoutRules fromBruteForce(boolean protectedRealm, int failureFactor, boolean permanentLockout,
                                              int maxTemporaryLockouts, int waitIncrementSeconds,
                                              boolean emailUser, boolean notifyAdmins) {
        if (!protectedRealm) {
            return new LockoutRules(null, null, emailUser, notifyAdmins);
        }
        // "Permanent after N temporary lockouts" still locks temporarily first, so only a pure permanent lockout
        // is the spec's "manual unlock only".
        Integer duration = permanentLockout && maxTemporaryLockouts == 0 ? null : waitIncrementSeconds / 60;
        return new LockoutRules(failureFactor, duration, emailUser, notifyAdmins);
    }
}
