package dev.securitycenter.mfa.passkey;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningPasskeyTest {

    /** Bytes whose base64 spelling holds '+', '/' and padding, so the two alphabets differ. */
    private static final byte[] ID = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x01};

    @Test
    void keycloaksStoredSpellingMatchesTheSpellingItsSignInStepReports() {
        String stored = Base64.getEncoder().encodeToString(ID);
        String reported = Base64.getUrlEncoder().withoutPadding().encodeToString(ID);
        assertTrue(stored.contains("+") && stored.contains("/") && stored.endsWith("="), stored);
        assertTrue(SigningPasskey.sameId(stored, reported));
        assertTrue(SigningPasskey.sameId(reported, reported));
    }

    @Test
    void otherOrUnreadableIdsDoNotMatch() {
        String reported = Base64.getUrlEncoder().withoutPadding().encodeToString(ID);
        assertFalse(SigningPasskey.sameId(Base64.getEncoder().encodeToString(new byte[]{1, 2, 3}), reported));
        assertFalse(SigningPasskey.sameId(null, reported));
        assertFalse(SigningPasskey.sameId("", ""));
        assertFalse(SigningPasskey.sameId("not base64 ***", "not base64 ***"));
    }
}
