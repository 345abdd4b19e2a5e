package dev.securitycenter.mfa;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.securitycenter.policy.MfaMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 2FA adoption by method at the end of each day, worked backwards from today's counts: Keycloak keeps no history
 * of credentials, but the audit log records every second factor added ({@code auth.2fa_enabled}) and removed
 * ({@code auth.2fa_disabled}), so the count at the end of a past day is today's count minus the factors added
 * since and plus those removed since. Limits, stated where the chart is documented: an event counts as one person
 * (a second authenticator app of someone who had one already counts too), and what the log does not see (users
 * deleted, disabled or federated; days when the realm did not record the audit log) is not taken back. Counts stay
 * within 0 and the realm's people.
 */
public final class MfaAdoptionHistory {

    /** People with at least one second factor of each method at the end of {@code date}. */
    @JsonPropertyOrder({"date", "byMethod"})
    public record Day(String date, Map<MfaMethod, Long> byMethod) {
    }

    private MfaAdoptionHistory() {
    }

    /**
     * @param today   today's adoption, counted in the database
     * @param changes per day, factors added minus removed, by method name; days and methods without changes absent
     */
    public static List<Day> backwards(MfaAdoption.Status today, LocalDate from, LocalDate to,
                                      Map<LocalDate, Map<String, Long>> changes) {
        Map<MfaMethod, Long> level = new EnumMap<>(today.byMethod());
        List<Day> days = new ArrayList<>();
        for (LocalDate date = to; !date.isBefore(from); date = date.minusDays(1)) {
            Map<MfaMethod, Long> clamped = new EnumMap<>(MfaMethod.class);
            level.forEach((method, count) -> clamped.put(method, Math.max(0, Math.min(today.total(), count))));
            days.add(0, new Day(date.toString(), clamped));
            Map<String, Long> ofDay = changes.getOrDefault(date, Map.of());
            for (MfaMethod method : MfaMethod.values()) {
                level.merge(method, -ofDay.getOrDefault(method.name(), 0L), Long::sum);
            }
        }
        return days;
    }
}
