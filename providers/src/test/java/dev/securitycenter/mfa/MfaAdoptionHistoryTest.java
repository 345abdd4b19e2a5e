package dev.securitycenter.mfa;

import dev.securitycenter.policy.MfaMethod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MfaAdoptionHistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void eachDayIsTodayMinusWhatWasAddedSinceAndPlusWhatWasRemovedSince() {
        MfaAdoption.Status today = status(10, Map.of(MfaMethod.TOTP, 5L, MfaMethod.PASSKEY, 2L));
        List<MfaAdoptionHistory.Day> days = MfaAdoptionHistory.backwards(today, TODAY.minusDays(3), TODAY, Map.of(
                TODAY, Map.of("TOTP", 2L),
                TODAY.minusDays(1), Map.of("TOTP", -1L, "PASSKEY", 2L),
                TODAY.minusDays(3), Map.of("TOTP", 1L)));

        assertEquals(List.of("2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"),
                days.stream().map(MfaAdoptionHistory.Day::date).toList());
        assertEquals(List.of(4L, 4L, 3L, 5L), days.stream().map(d -> d.byMethod().get(MfaMethod.TOTP)).toList());
        assertEquals(List.of(0L, 0L, 2L, 2L), days.stream().map(d -> d.byMethod().get(MfaMethod.PASSKEY)).toList());
        assertEquals(0L, days.get(0).byMethod().get(MfaMethod.SMS), "every method on every day");
    }

    @Test
    void factorsTheLogNeverSawKeepTheCountsWithinZeroAndThePeople() {
        // three removals of factors made before the log began (e.g. imported users) would make it negative
        MfaAdoption.Status today = status(2, Map.of(MfaMethod.EMAIL, 0L, MfaMethod.TOTP, 2L));
        List<MfaAdoptionHistory.Day> days = MfaAdoptionHistory.backwards(today, TODAY.minusDays(1), TODAY, Map.of(
                TODAY, Map.of("EMAIL", -3L, "TOTP", -4L)));
        assertEquals(2L, days.get(0).byMethod().get(MfaMethod.EMAIL));
        assertEquals(2L, days.get(0).byMethod().get(MfaMethod.TOTP), "never more than the realm's people");
    }

    private static MfaAdoption.Status status(long total, Map<MfaMethod, Long> some) {
        Map<MfaMethod, Long> byMethod = new EnumMap<>(MfaMethod.class);
        for (MfaMethod method : MfaMethod.values()) {
            byMethod.put(method, some.getOrDefault(method, 0L));
        }
        return new MfaAdoption.Status(byMethod.values().stream().mapToLong(Long::longValue).sum(), total, 0, byMethod);
    }
}
