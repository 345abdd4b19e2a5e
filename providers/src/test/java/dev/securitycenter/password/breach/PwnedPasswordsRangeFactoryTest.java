package dev.securitycenter.password.breach;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PwnedPasswordsRangeFactoryTest {

    @Test
    void hashIsUppercaseSha1OfTheUtf8Password() {
        // SHA-1("password") is well known
        assertEquals("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8", PwnedPasswordsRangeFactory.sha1Hex("password"));
    }

    @Test
    void paddingLinesWithCountZeroAreNotBreached() {
        String body = "1E4C9B93F3F0682250B6CF8331B7EE68FD8:3861493\r\n"
                + "0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n"
                + "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2\n";
        RangeCache.Range range = new RangeCache.Range(PwnedPasswordsRangeFactory.breachedSuffixes(body), 0);
        assertTrue(range.contains("1E4C9B93F3F0682250B6CF8331B7EE68FD8"));
        assertTrue(range.contains("00D4F6E8FA6EECAD2A3AA415EEC418D38EC"));
        assertFalse(range.contains("0018A45C4D1DEF81644B54AB7F969B88D65"), "padding");
        assertFalse(range.contains("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"));
    }

    @Test
    void cacheForgetsAfterItsTimeAndBeyondItsSize() {
        RangeCache cache = new RangeCache(2, 1000);
        RangeCache.Range range = new RangeCache.Range(new long[0], 0);
        cache.put("AAAAA", range);
        assertTrue(cache.get("AAAAA", 999).isPresent());
        assertFalse(cache.get("AAAAA", 1000).isPresent(), "expired");
        cache.put("BBBBB", range);
        cache.put("CCCCC", range);
        assertFalse(cache.get("AAAAA", 0).isPresent(), "least recently used goes first");
        assertTrue(cache.get("CCCCC", 0).isPresent());
    }
}
