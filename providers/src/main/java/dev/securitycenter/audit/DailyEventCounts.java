package dev.securitycenter.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A realm's audit events counted per UTC day by the database ({@code GROUP BY} over the realm-time index), never by
 * loading the rows: a realm holds millions of events. Days are UTC days because a Keycloak realm has no time zone.
 */
public final class DailyEventCounts {

    public static final long DAY_MILLIS = 86_400_000L;
    /**
     * The UTC day number of an event. {@code FLOOR} because MySQL's and Oracle's {@code /} is not integer division;
     * the same expression in the select and the group by, with no bound parameter, so every database accepts it.
     */
    private static final String DAY = "FLOOR(EVENT_TIME / " + DAY_MILLIS + ")";
    private static final ObjectMapper DETAILS = new ObjectMapper();

    private final EntityManager em;

    public DailyEventCounts(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Per day since {@code fromMillis}, the number of events of each type (types without events are absent). */
    public Map<LocalDate, Map<String, Long>> byType(String realmId, long fromMillis) {
        Map<LocalDate, Map<String, Long>> counts = new HashMap<>();
        for (Object[] row : rows("select EVENT_TYPE, " + DAY + ", count(*) from SC_AUDIT_EVENT"
                + " where REALM_ID = :realmId and EVENT_TIME >= :from group by EVENT_TYPE, " + DAY, realmId, fromMillis)) {
            counts.computeIfAbsent(day(row[1]), d -> new HashMap<>()).put((String) row[0], ((Number) row[2]).longValue());
        }
        return counts;
    }

    /**
     * Per day since {@code fromMillis}, second factors added minus second factors removed, by the method their
     * {@code auth.2fa_enabled} / {@code auth.2fa_disabled} events name in {@code details.method}. The details are
     * grouped on, not read row by row: the few distinct values are parsed here.
     */
    public Map<LocalDate, Map<String, Long>> secondFactorChanges(String realmId, long fromMillis) {
        Map<LocalDate, Map<String, Long>> changes = new HashMap<>();
        for (Object[] row : rows("select EVENT_TYPE, DETAILS, " + DAY + ", count(*) from SC_AUDIT_EVENT"
                        + " where REALM_ID = :realmId and EVENT_TYPE in ('" + AuditEventType.TWO_FACTOR_ENABLED.code()
                        + "', '" + AuditEventType.TWO_FACTOR_DISABLED.code() + "') and EVENT_TIME >= :from"
                        + " group by EVENT_TYPE, DETAILS, " + DAY, realmId, fromMillis)) {
            Optional<String> method = method((String) row[1]);
            if (method.isEmpty()) {
                continue;
            }
            long count = ((Number) row[3]).longValue();
            long signed = AuditEventType.TWO_FACTOR_ENABLED.code().equals(row[0]) ? count : -count;
            changes.computeIfAbsent(day(row[2]), d -> new HashMap<>()).merge(method.get(), signed, Long::sum);
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String realmId, long fromMillis) {
        return em.createNativeQuery(sql)
                .setParameter("realmId", realmId)
                .setParameter("from", fromMillis)
                .getResultList();
    }

    private static LocalDate day(Object dayNumber) {
        return LocalDate.ofEpochDay(((Number) dayNumber).longValue());
    }

    private static Optional<String> method(String details) {
        try {
            JsonNode method = details == null ? null : DETAILS.readTree(details).get("method");
            return method != null && method.isTextual() ? Optional.of(method.asText()) : Optional.empty();
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
    }
}
