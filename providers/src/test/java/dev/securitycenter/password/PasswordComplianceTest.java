package dev.securitycenter.password;

import dev.securitycenter.policy.PasswordRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordComplianceTest {

    @Test
    void keepsOnlyTheLengthOptionReachedAndTheClasses() {
        assertEquals("14:ULDS", PasswordCompliance.of("Acme-Demo-2026!").encode(), "15 characters reach 14");
        assertEquals("16:ULDS", PasswordCompliance.of("Acme-Demo-2026!x").encode());
        assertEquals("0:L", PasswordCompliance.of("short").encode());
        assertEquals("20:L", PasswordCompliance.of("a".repeat(64)).encode());
        assertEquals("10:LD", PasswordCompliance.of("日本語abc12345").encode(), "letters without case are no class");
    }

    @Test
    void meetsComparesWithTheRules() {
        PasswordRules twelveAll = new PasswordRules(12, true, true, true, true, 0, 0, false, false, List.of());
        assertTrue(PasswordCompliance.of("Acme-Demo-2026!").meets(twelveAll));
        assertFalse(PasswordCompliance.of("Acme-Demo-2026!").meets(new PasswordRules(16, true, true, true, true, 0, 0, false, false, List.of())));
        assertFalse(PasswordCompliance.of("acme-demo-2026!").meets(twelveAll));
    }

    @Test
    void encodingsMeetingListsExactlyTheCompliantForms() {
        PasswordRules rules = new PasswordRules(16, true, false, true, false, 0, 0, false, false, List.of());
        assertTrue(PasswordCompliance.encodingsMeeting(rules).contains("16:UD"));
        assertTrue(PasswordCompliance.encodingsMeeting(rules).contains("20:ULDS"));
        assertFalse(PasswordCompliance.encodingsMeeting(rules).contains("14:ULDS"));
        assertFalse(PasswordCompliance.encodingsMeeting(rules).contains("20:LDS"));
        assertEquals(2 * 4, PasswordCompliance.encodingsMeeting(rules).size(), "two lengths, U and D fixed");
    }
}
