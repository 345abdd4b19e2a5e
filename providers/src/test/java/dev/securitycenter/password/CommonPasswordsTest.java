package dev.securitycenter.password;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommonPasswordsTest {

    @Test
    void theBundledListHoldsTensOfThousandsOfPasswords() {
        assertTrue(CommonPasswords.size() >= 10_000, "size " + CommonPasswords.size());
    }

    @Test
    void commonWordsDressedUpToMeetComplexityRulesAreStillCommon() {
        for (String password : new String[]{"Password123!", "P@ssw0rd2026", "Qwerty123456!", "Welcome@2026",
                "PASSWORD", "letmein", "123456"}) {
            assertTrue(CommonPasswords.isCommon(password), password);
        }
    }

    @Test
    void randomAndLongPasswordsAreNot() {
        assertFalse(CommonPasswords.isCommon("vT7#qLp2-Xw9!rZm"));
        assertFalse(CommonPasswords.isCommon("correct horse battery staple on a tuesday at noon in the park !!"));
        assertFalse(CommonPasswords.isCommon("!!!2026"), "nothing left after stripping: not matched as empty");
    }

    @Test
    void adminWordsAreMatchedTheSameWay() {
        java.util.Set<String> words = java.util.Set.of(CommonPasswords.matchKey("Acme"),
                CommonPasswords.matchKey("Globex2"));
        assertTrue(CommonPasswords.isOn(words, "ACME-2026!"));
        assertTrue(CommonPasswords.isOn(words, "globex2026"), "a word's own trailing digits are not needed");
        assertFalse(CommonPasswords.isOn(words, "Acme-Corp-Ledger-2026!"));
    }

    @Test
    void onlyTrailingDigitsAndSymbolsAreStripped() {
        assertEquals("p@ssw0rd", CommonPasswords.withoutTrailingDigitsAndSymbols("p@ssw0rd2026"));
        assertEquals("welcome", CommonPasswords.withoutTrailingDigitsAndSymbols("welcome@2026"));
        assertEquals("", CommonPasswords.withoutTrailingDigitsAndSymbols("2026!"));
    }
}
