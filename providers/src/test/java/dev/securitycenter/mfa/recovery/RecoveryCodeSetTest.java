package dev.securitycenter.mfa.recovery;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryCodeSetTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatesEightDistinctCodesInGroupsOfFour() {
        List<String> codes = RecoveryCodeFormat.generate(random);
        assertEquals(8, codes.size());
        assertEquals(8, new HashSet<>(codes).size());
        codes.forEach(code -> assertTrue(code.matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"),
                code));
    }

    @Test
    void typedCodesIgnoreCaseSpacesAndHyphens() {
        assertEquals("ABCD2345WXYZ", RecoveryCodeFormat.normalize(" abcd-2345 wxyz ").orElseThrow());
        assertTrue(RecoveryCodeFormat.normalize("ABCD-2345-WXY").isEmpty());
        assertTrue(RecoveryCodeFormat.normalize("ABCD-2345-WXY0").isEmpty(), "0 is not in the alphabet");
        assertTrue(RecoveryCodeFormat.normalize(null).isEmpty());
    }

    @Test
    void storesOnlySaltedHashes() {
        List<String> codes = RecoveryCodeFormat.generate(random);
        RecoveryCodeSet set = RecoveryCodeSet.of(codes, random);
        String stored = RecoveryCodes.json(set);
        codes.forEach(code -> {
            assertFalse(stored.contains(code));
            assertFalse(stored.contains(code.replace("-", "")));
        });
        RecoveryCodeSet sameCodesOtherSalt = RecoveryCodeSet.of(codes, random);
        assertFalse(sameCodesOtherSalt.hashes().contains(set.hashes().get(0)));
    }

    @Test
    void anyCodeInAnyOrderMatchesOnceItIsRemoved() {
        List<String> codes = RecoveryCodeFormat.generate(random);
        RecoveryCodeSet set = RecoveryCodeSet.of(codes, random);
        for (String code : List.of(codes.get(5), codes.get(0), codes.get(7))) {
            int index = set.indexOf(code.toLowerCase());
            assertTrue(index >= 0, code);
            set = set.without(index);
            assertEquals(-1, set.indexOf(code), "a used code is gone");
        }
        assertEquals(5, set.remaining());
        assertEquals(-1, set.indexOf("2222-2222-2222"));
        assertEquals(-1, set.indexOf("not a code"));
    }

    @Test
    void survivesTheCredentialRoundTrip() {
        List<String> codes = RecoveryCodeFormat.generate(random);
        RecoveryCodeSet read = RecoveryCodes.read(RecoveryCodes.json(RecoveryCodeSet.of(codes, random)),
                RecoveryCodeSet.class);
        assertTrue(read.indexOf(codes.get(3)) >= 0);
        RecoveryCodeCount count = RecoveryCodes.read(RecoveryCodes.json(new RecoveryCodeCount(8, 7)),
                RecoveryCodeCount.class);
        assertEquals(new RecoveryCodeCount(8, 7), count);
    }
}
