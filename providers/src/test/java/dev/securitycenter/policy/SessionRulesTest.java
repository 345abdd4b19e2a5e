package dev.securitycenter.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SessionRulesTest {

    @Test
    void convertsKeycloakSecondsToTheSpecsUnits() {
        SessionRules rules = SessionRules.fromKeycloakSeconds(1800, 86400, 3);
        assertEquals(30, rules.idleTimeoutMinutes());
        assertEquals(24, rules.maxLifetimeHours());
        assertEquals(3, rules.maxConcurrentSessions());
    }

    @Test
    void idleTimeoutThatCannotFireBeforeTheAbsoluteLimitIsNever() {
        assertNull(SessionRules.fromKeycloakSeconds(86400, 86400, null).idleTimeoutMinutes());
        assertNull(SessionRules.fromKeycloakSeconds(90000, 86400, null).idleTimeoutMinutes());
        assertEquals(1439, SessionRules.fromKeycloakSeconds(86399, 86400, null).idleTimeoutMinutes());
    }
}
