package dev.securitycenter.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LockoutRulesTest {

    @Test
    void unprotectedRealmNeverLocksOut() {
        LockoutRules rules = LockoutRules.fromBruteForce(false, 30, false, 0, 60, true, false);
        assertNull(rules.maxFailures());
        assertNull(rules.durationMinutes());
    }

    @Test
    void temporaryLockoutReportsItsDurationInMinutes() {
        LockoutRules rules = LockoutRules.fromBruteForce(true, 5, false, 0, 1800, true, true);
        assertEquals(5, rules.maxFailures());
        assertEquals(30, rules.durationMinutes());
    }

    @Test
    void onlyAPurePermanentLockoutIsManualUnlock() {
        assertNull(LockoutRules.fromBruteForce(true, 3, true, 0, 900, true, true).durationMinutes());
        assertEquals(15, LockoutRules.fromBruteForce(true, 3, true, 2, 900, true, true).durationMinutes());
    }
}
