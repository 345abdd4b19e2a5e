package dev.securitycenter.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.securitycenter.mfa.MfaAdoptionHistory;

import java.util.List;
import java.util.Map;

/**
 * The security overview's figures ({@code GET /stats?days=N}): for each UTC day from {@code from} to {@code to}
 * (today) the number of audit events of each type (types without events that day are absent) and 2FA adoption by
 * method at the end of the day, out of {@code people} (today's enabled people, as {@code /mfa/status} counts them).
 */
@JsonPropertyOrder({"days", "from", "to", "timeZone", "people", "daily", "adoption"})
public record SecurityStats(int days, String from, String to, String timeZone, long people, List<DayCounts> daily,
                            List<MfaAdoptionHistory.Day> adoption) {

    @JsonPropertyOrder({"date", "counts"})
    public record DayCounts(String date, Map<String, Long> counts) {
    }
}
