package dev.securitycenter.policy;

import org.junit.jupiter.api.Test;
import org.keycloak.models.PasswordPolicy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardsAssessmentTest {

    /** The spec's recommended policy as the Acme demo realm has it: 12 characters of four classes, 90-day expiry. */
    private static final SecurityPolicy ACME = new SecurityPolicy(true, null, null,
            new PasswordRules(12, true, true, true, true, 90, 5, false, false, List.of()),
            new SessionRules(30, 24, 3),
            new MfaRules(MfaEnforcement.OPTIONAL, List.of(MfaMethod.TOTP, MfaMethod.SMS), List.of(),
                    MfaAdminStrength.ANY),
            new LockoutRules(5, 30, true, true),
            new IpAllowlistRules(false, List.of()),
            new SsoRules(false, null),
            new NotificationRules(true, true, false));

    @Test
    void theAcmePolicyMissesCompositionExpiryAndBlocklists() {
        Map<String, Finding.Status> byRefAndField = statuses(ACME);
        assertEquals(Finding.Status.NOT_MET, byRefAndField.get("NIST 800-63B-4 3.1.1.2 password.complexity"));
        assertEquals(Finding.Status.NOT_MET, byRefAndField.get("NIST 800-63B-4 3.1.1.2 password.expiryDays"));
        assertEquals(Finding.Status.NOT_MET, byRefAndField.get("NIST 800-63B-4 3.1.1.2 password.blockCommon"));
        assertEquals(Finding.Status.NOT_MET, byRefAndField.get("OWASP ASVS 5.0 6.2.12 password.blockBreached"));
        assertEquals(Finding.Status.PARTIAL, byRefAndField.get("NIST 800-63B-4 3.1.1.2 password.minLength"),
                "12 characters suffice only with a second factor, which is optional here");
        assertEquals(Finding.Status.MET, byRefAndField.get("NIST 800-63B-4 3.2.2 lockout.maxFailures"));
    }

    @Test
    void thePresetLeavesNothingNotMetAndKeepsWhatItNeedNotChange() {
        SecurityPolicy preset = Nist80063bPreset.from(ACME);
        List<Finding> findings = StandardsAssessment.assess(preset, PasswordPolicy.empty());
        assertFalse(findings.stream().anyMatch(f -> f.status() == Finding.Status.NOT_MET), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.field() != null && f.field().equals("mfa.methods")
                && f.status() == Finding.Status.MET), "passkeys offered: phishing resistance met");
        assertEquals(15, preset.password().minLength());
        assertEquals(5, preset.password().preventReuse());
        assertEquals(30, preset.sessions().idleTimeoutMinutes(), "already within an hour: kept");
        assertEquals(ACME.lockout(), preset.lockout());
        assertEquals(List.of(MfaMethod.TOTP, MfaMethod.SMS, MfaMethod.PASSKEY), preset.mfa().methods());
        assertEquals(MfaAdminStrength.ANY, preset.mfa().adminStrength(), "kept");
    }

    @Test
    void eachFindingNamesAClauseOnce() {
        List<Finding> findings = StandardsAssessment.assess(ACME, PasswordPolicy.empty());
        Set<String> seen = new java.util.HashSet<>();
        for (Finding finding : findings) {
            assertTrue(seen.add(finding.ref() + " " + finding.field() + " " + finding.message()), finding.toString());
            assertTrue(finding.ref().startsWith("NIST 800-63B-4 ") || finding.ref().startsWith("OWASP ASVS 5.0 "));
        }
    }

    private static Map<String, Finding.Status> statuses(SecurityPolicy policy) {
        Map<String, Finding.Status> statuses = new java.util.HashMap<>();
        for (Finding finding : StandardsAssessment.assess(policy, PasswordPolicy.empty())) {
            statuses.putIfAbsent(finding.ref() + " " + finding.field(), finding.status());
        }
        return statuses;
    }
}
