package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * Session rules. {@code idleTimeoutMinutes} null means "Never"; {@code maxConcurrentSessions} null means unlimited.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SessionRules(@Nullable Integer idleTimeoutMinutes, int maxLifetimeHours,
                           @Nullable Integer maxConcurrentSessions) {

    /**
     * Keycloak has no "never" for SSO idle (0 falls back to 30 minutes), so "never" is an idle timeout that cannot
     * fire before the absolute lifetime ends the session anyway.
     */
    public static SessionRules fromKeycloakSeconds(int idleSeconds, int maxLifespanSeconds, Integer concurrentLimit) {
        Integer idleMinutes = idleSeconds >= maxLifespanSeconds ? null : idleSeconds / 60;
        return new SessionRules(idleMinutes, maxLifespanSeconds / 3600, concurrentLimit);
    }
}
