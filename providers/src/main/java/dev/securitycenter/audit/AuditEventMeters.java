package dev.securitycenter.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;

/**
 * The extension's Prometheus meters, counted from the audit events as they are written, so that every path that
 * records an event (sign-in steps, Keycloak's events, the admin and account APIs, the refused-connection log) is
 * counted by this one piece of code. Meters go to Micrometer's global registry, the one Keycloak's own meters
 * use and its {@code /metrics} endpoint serves; with metrics disabled that registry has no backend and the meters
 * cost nothing.
 * <p>
 * Tags stay bounded: the realm's name (as on Keycloak's own password-validation and user-event counters), and
 * fixed words for method, outcome and source. The append timer has no realm tag, like Keycloak's own timers.
 */
final class AuditEventMeters {

    static final AuditEventMeters GLOBAL = new AuditEventMeters(Metrics.globalRegistry);

    private final Meter.MeterProvider<Counter> lockouts;
    private final Meter.MeterProvider<Counter> ipDenied;
    private final Meter.MeterProvider<Counter> mfaChallenges;
    private final Meter.MeterProvider<Counter> passwordChanges;
    private final Timer append;

    AuditEventMeters(MeterRegistry registry) {
        // Micrometer names; the Prometheus registry renders them as security_center_lockouts_total and so on
        lockouts = Counter.builder("security.center.lockouts")
                .description("Accounts locked by the brute-force detector")
                .withRegistry(registry);
        ipDenied = Counter.builder("security.center.ip.denied")
                .description("Requests refused by the IP allowlist")
                .withRegistry(registry);
        mfaChallenges = Counter.builder("security.center.mfa.challenges")
                .description("Second-factor challenges answered at sign-in, by method and outcome")
                .withRegistry(registry);
        passwordChanges = Counter.builder("security.center.password.changes")
                .description("Passwords changed, by the user or by an administrator")
                .withRegistry(registry);
        append = Timer.builder("security.center.audit.append")
                .description("Time to append one transaction's audit events of a realm to the realm's hash chain,"
                        + " waiting for the chain's lock included")
                // Keycloak's Prometheus registry drops a builder's own bucket list (SLOs) and keeps the percentile
                // histogram, as for its own http.server.requests: Micrometer's buckets between these bounds
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    /** Counts one audit event that has been committed in the realm of this name. */
    void count(String realmName, AuditEvent event) {
        String realm = realmName == null ? "" : realmName;
        Map<String, Object> details = event.details() == null ? Map.of() : event.details();
        switch (event.type()) {
            case ACCOUNT_LOCKED -> lockouts.withTags("realm", realm).increment();
            case IP_DENIED -> ipDenied.withTags("realm", realm).increment(refusedRequests(details));
            case PASSWORD_CHANGED -> passwordChanges.withTags("realm", realm,
                    "source", Boolean.TRUE.equals(details.get("byAdmin")) ? "admin" : "user").increment();
            case LOGIN_SUCCEEDED -> challenge(realm, details, "success");
            case LOGIN_FAILED -> challenge(realm, details, "failure");
            default -> {
                // the other events have no meter of their own
            }
        }
    }

    void appendTook(Duration duration) {
        append.record(duration);
    }

    private void challenge(String realm, Map<String, Object> details, String outcome) {
        Object method = details.get(SecondFactorChallenge.AUDIT_DETAIL);
        if (method instanceof String name && SecondFactorChallenge.METHODS.contains(name)) {
            mfaChallenges.withTags("realm", realm, "method", name, "outcome", outcome).increment();
        }
    }

    /**
     * How many refused requests an {@code auth.ip_denied} row stands for: one, or, for the per-minute summary the
     * refused-connection log writes instead of one row per request, its {@code count}.
     */
    private static double refusedRequests(Map<String, Object> details) {
        if (Boolean.TRUE.equals(details.get("summary")) && details.get("count") instanceof Number count) {
            return count.doubleValue();
        }
        return 1;
    }
}
