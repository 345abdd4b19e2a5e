package dev.securitycenter.rest;

import dev.securitycenter.audit.DailyEventCounts;
import dev.securitycenter.mfa.MfaAdoption;
import dev.securitycenter.mfa.MfaAdoptionHistory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code /admin/realms/{realm}/security-center/stats?days=N}: the figures of the security overview's charts. */
public class AdminStatsResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 90;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public AdminStatsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SecurityStats stats() {
        auth.realm().requireViewRealm();
        int days = days(session.getContext().getUri().getQueryParameters().get("days"));
        LocalDate to = LocalDate.ofEpochDay(Time.currentTimeMillis() / DailyEventCounts.DAY_MILLIS);
        LocalDate from = to.minusDays(days - 1L);
        long fromMillis = from.toEpochDay() * DailyEventCounts.DAY_MILLIS;
        DailyEventCounts counts = new DailyEventCounts(session);
        Map<LocalDate, Map<String, Long>> byType = counts.byType(realm.getId(), fromMillis);
        List<SecurityStats.DayCounts> daily = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            daily.add(new SecurityStats.DayCounts(date.toString(), new TreeMap<>(byType.getOrDefault(date, Map.of()))));
        }
        MfaAdoption.Status today = new MfaAdoption(session).status(realm);
        return new SecurityStats(days, from.toString(), to.toString(), "UTC", today.total(), daily,
                MfaAdoptionHistory.backwards(today, from, to, counts.secondFactorChanges(realm.getId(), fromMillis)));
    }

    /** One whole number from 1 to {@value #MAX_DAYS}; none means {@value #DEFAULT_DAYS}. */
    private static int days(List<String> values) {
        if (values == null || values.isEmpty()) {
            return DEFAULT_DAYS;
        }
        String message = "must be one whole number from 1 to " + MAX_DAYS;
        if (values.size() > 1 || !values.get(0).matches("[0-9]{1,3}")) {
            throw ApiErrors.badRequest("days", message);
        }
        int days = Integer.parseInt(values.get(0));
        if (days < 1 || days > MAX_DAYS) {
            throw ApiErrors.badRequest("days", message);
        }
        return days;
    }
}
