package dev.securitycenter.policy;

import dev.securitycenter.policy.IpAllowlistEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyChangesTest {

    @Test
    void identicalPoliciesHaveNoChangesWhateverTheBookkeeping() {
        assertTrue(PolicyChanges.between(policy(12, List.of()), withBookkeeping(policy(12, List.of()))).isEmpty());
    }

    @Test
    void changedFieldsAreListedWithOldAndNewValues() {
        List<Map<String, Object>> changes = PolicyChanges.between(policy(null, List.of()), policy(14, List.of()));
        assertEquals(1, changes.size());
        assertEquals("password.minLength", changes.get(0).get("field"));
        assertNull(changes.get(0).get("from"));
        assertEquals(14, changes.get(0).get("to"));
    }

    @Test
    void largeAllowlistChangesAreSummarised() {
        List<IpAllowlistEntry> many = IntStream.range(0, 100)
                .mapToObj(i -> new IpAllowlistEntry("10.0." + i + ".0/24", null, null, null)).toList();
        Map<String, Object> change = PolicyChanges.between(policy(12, List.of(
                new IpAllowlistEntry("192.168.1.1", null, null, null))), policy(12, many)).get(0);
        assertEquals("ipAllowlist.entries", change.get("field"));
        assertEquals(100, change.get("addedCount"));
        assertEquals(PolicyChanges.MAX_LISTED, ((List<?>) change.get("added")).size());
        assertEquals(List.of("192.168.1.1"), change.get("removed"));
    }

    private static SecurityPolicy policy(Integer minLength, List<IpAllowlistEntry> entries) {
        return new SecurityPolicy(false, null, null,
                new PasswordRules(minLength, true, true, true, true, 90, 5, false, false, List.of()),
                new SessionRules(30, 24, 3),
                new MfaRules(MfaEnforcement.OPTIONAL, List.of(MfaMethod.TOTP), List.of("Admin"), MfaAdminStrength.ANY),
                new LockoutRules(5, 30, true, true),
                new IpAllowlistRules(false, entries),
                new SsoRules(false, null),
                new NotificationRules(true, true, false));
    }

    private static SecurityPolicy withBookkeeping(SecurityPolicy p) {
        return new SecurityPolicy(true, "2025-12-11T14:32:00Z", "admin", p.password(), p.sessions(), p.mfa(),
                p.lockout(), p.ipAllowlist(), p.sso(), p.notifications());
    }
}
