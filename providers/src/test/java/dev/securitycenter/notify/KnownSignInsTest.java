package dev.securitycenter.notify;

import dev.securitycenter.notify.KnownSignIns.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-user record of known devices and places stays bounded, forgets the long unseen and rarely rewrites. */
class KnownSignInsTest {

    private static final long TODAY = 20_000;

    @Test
    void keepsAHundredDevicesEvictingTheLongestUnseen() {
        KnownSignIns known = KnownSignIns.of(List.of(), TODAY - 80);
        for (int i = 0; i < 150; i++) {
            known.seen(Kind.DEVICE, "device-" + i, "Chrome on Linux", TODAY - 80 + i / 2);
        }
        known.seen(Kind.PLACE, "net:10.0.0.0/24", "Local network", TODAY);

        KnownSignIns reread = KnownSignIns.of(known.values(), TODAY);
        assertEquals(KnownSignIns.MAX_PER_KIND, reread.ofKind(Kind.DEVICE).size());
        assertTrue(reread.knows(Kind.DEVICE, "device-149"), "the newest stays");
        assertFalse(reread.knows(Kind.DEVICE, "device-0"), "the longest unseen went first");
        assertTrue(reread.knows(Kind.PLACE, "net:10.0.0.0/24"), "places have their own hundred");
    }

    /** A hundred devices seen today: a new one still counts as known next time, the first of them goes. */
    @Test
    void aNewDeviceIsKeptWhenAHundredWereSeenTheSameDay() {
        KnownSignIns known = KnownSignIns.of(List.of(), TODAY);
        for (int i = 0; i <= KnownSignIns.MAX_PER_KIND; i++) {
            known.seen(Kind.DEVICE, "device-" + i, "Chrome on Linux", TODAY);
        }

        KnownSignIns reread = KnownSignIns.of(known.values(), TODAY);
        assertEquals(KnownSignIns.MAX_PER_KIND, reread.ofKind(Kind.DEVICE).size());
        assertTrue(reread.knows(Kind.DEVICE, "device-" + KnownSignIns.MAX_PER_KIND), "the newest stays");
        assertEquals("device-" + KnownSignIns.MAX_PER_KIND, reread.ofKind(Kind.DEVICE).get(0).key());
        assertFalse(reread.knows(Kind.DEVICE, "device-0"), "the first seen went");
    }

    @Test
    void forgetsWhatWasNotSeenForNinetyDays() {
        KnownSignIns known = KnownSignIns.of(List.of(), TODAY - 91);
        known.seen(Kind.DEVICE, "old", "Firefox on Windows", TODAY - 91);
        known.seen(Kind.DEVICE, "recent", "Chrome on Linux", TODAY - 90);

        KnownSignIns later = KnownSignIns.of(known.values(), TODAY);
        assertFalse(later.knows(Kind.DEVICE, "old"));
        assertTrue(later.knows(Kind.DEVICE, "recent"));
        assertTrue(later.changed(), "what was dropped is written back");
    }

    @Test
    void aKnownDeviceIsRewrittenAtMostOnceADay() {
        KnownSignIns known = KnownSignIns.of(List.of(), TODAY);
        known.seen(Kind.DEVICE, "laptop", "Chrome on Linux", TODAY);
        KnownSignIns sameDay = KnownSignIns.of(known.values(), TODAY);
        sameDay.seen(Kind.DEVICE, "laptop", "Chrome on Linux", TODAY);
        assertFalse(sameDay.changed());
        KnownSignIns nextDay = KnownSignIns.of(known.values(), TODAY + 1);
        nextDay.seen(Kind.DEVICE, "laptop", "Chrome on Linux", TODAY + 1);
        assertTrue(nextDay.changed());
        assertEquals(TODAY + 1, nextDay.ofKind(Kind.DEVICE).get(0).lastSeenDay());
        assertEquals(TODAY, nextDay.ofKind(Kind.DEVICE).get(0).firstSeenDay());
    }

    @Test
    void valuesWrittenByNobodyAreIgnoredAndLabelsCannotBreakTheFormat() {
        KnownSignIns known = KnownSignIns.of(List.of("garbage", "DEVICE|x|notanumber|1|y"), TODAY);
        assertTrue(known.isEmpty());
        known.seen(Kind.PLACE, "geo:PT:Lisbon", "Lisbon | Portugal", TODAY);
        assertEquals("Lisbon   Portugal", KnownSignIns.of(known.values(), TODAY).ofKind(Kind.PLACE).get(0).label());
    }
}
