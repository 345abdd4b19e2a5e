package dev.securitycenter.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditEventMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AuditEventMeters meters = new AuditEventMeters(registry);

    @Test
    void aLockoutIsCountedPerRealm() {
        meters.count("acme", event(AuditEventType.ACCOUNT_LOCKED, Map.of("permanent", false)));
        meters.count("acme", event(AuditEventType.ACCOUNT_LOCKED, Map.of("permanent", true)));
        meters.count("globex", event(AuditEventType.ACCOUNT_LOCKED, Map.of()));
        assertEquals(2, counter("security.center.lockouts", "realm", "acme").count());
        assertEquals(1, counter("security.center.lockouts", "realm", "globex").count());
    }

    @Test
    void aSummaryOfRefusedRequestsCountsEveryRequestItStandsFor() {
        meters.count("acme", event(AuditEventType.IP_DENIED, Map.of("where", "browser")));
        meters.count("acme", event(AuditEventType.IP_DENIED, Map.of("summary", true, "count", 41L,
                "where", Map.of("browser", 40L, "token", 1L))));
        assertEquals(42, counter("security.center.ip.denied", "realm", "acme").count());
    }

    @Test
    void passwordChangesNameWhetherTheUserOrAnAdministratorChangedIt() {
        meters.count("acme", event(AuditEventType.PASSWORD_CHANGED, Map.of()));
        meters.count("acme", event(AuditEventType.PASSWORD_CHANGED, Map.of("byAdmin", true)));
        meters.count("acme", event(AuditEventType.PASSWORD_CHANGED, Map.of("byAdmin", true)));
        assertEquals(1, counter("security.center.password.changes", "realm", "acme", "source", "user").count());
        assertEquals(2, counter("security.center.password.changes", "realm", "acme", "source", "admin").count());
    }

    @Test
    void secondFactorChallengesAreCountedByMethodAndOutcome() {
        meters.count("acme", event(AuditEventType.LOGIN_SUCCEEDED, Map.of("secondFactor", "TOTP")));
        meters.count("acme", event(AuditEventType.LOGIN_FAILED,
                Map.of("error", "invalid_user_credentials", "secondFactor", "TOTP")));
        meters.count("acme", event(AuditEventType.LOGIN_FAILED,
                Map.of("error", "invalid_user_credentials", "secondFactor", "SMS")));
        assertEquals(1, counter("security.center.mfa.challenges",
                "realm", "acme", "method", "TOTP", "outcome", "success").count());
        assertEquals(1, counter("security.center.mfa.challenges",
                "realm", "acme", "method", "TOTP", "outcome", "failure").count());
        assertEquals(1, counter("security.center.mfa.challenges",
                "realm", "acme", "method", "SMS", "outcome", "failure").count());
    }

    @Test
    void signInsWithoutASecondFactorAndUnknownMethodsAreNoChallenges() {
        meters.count("acme", event(AuditEventType.LOGIN_SUCCEEDED, Map.of()));
        meters.count("acme", event(AuditEventType.LOGIN_FAILED, Map.of("error", "invalid_user_credentials")));
        meters.count("acme", event(AuditEventType.LOGIN_SUCCEEDED, Map.of("secondFactor", "x".repeat(200))));
        assertNull(registry.find("security.center.mfa.challenges").counter());
    }

    @Test
    void eventsWithoutAMeterCountNothing() {
        meters.count("acme", event(AuditEventType.POLICY_UPDATED, Map.of()));
        meters.count("acme", event(AuditEventType.SESSION_REVOKED, Map.of("byAdmin", true)));
        assertTrue(registry.getMeters().stream().noneMatch(meter -> meter instanceof Counter),
                "no counter exists: " + registry.getMeters().stream().map(meter -> meter.getId().toString()).toList());
    }

    /** The buckets are Prometheus's business (MetricsIT scrapes them); here: every append is timed, no tags. */
    @Test
    void everyAppendIsTimedWithoutTags() {
        meters.appendTook(Duration.ofMillis(3));
        meters.appendTook(Duration.ofMillis(700));
        Timer timer = registry.find("security.center.audit.append").timer();
        assertEquals(2, timer.count());
        assertEquals(703, timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), 0.001);
        assertTrue(timer.getId().getTags().isEmpty(), timer.getId().toString());
    }

    private Counter counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        assertTrue(counter != null, name + " " + Arrays.toString(tags) + " in "
                + registry.getMeters().stream().map(meter -> meter.getId().toString()).toList());
        assertEquals(tags.length / 2, counter.getId().getTags().size(), "no other tags: " + counter.getId());
        return counter;
    }

    private static AuditEvent event(AuditEventType type, Map<String, Object> details) {
        return new AuditEvent(type, null, null, null, "10.0.0.1", details, 1L);
    }
}
