package dev.securitycenter.network;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records refused connections as {@code auth.ip_denied} without letting a flood write one row per request.
 * <p>
 * Per realm, address and minute, the first refusal anywhere in the cluster gets its own row at once: the claim is a
 * {@code putIfAbsent} in Keycloak's cluster-wide single-use object store, so N nodes still write one such row. Later
 * refusals of that minute are only counted, in this node's memory, and written as one summary row per address
 * (details {@code summary: true}, {@code count}, {@code where} with a count per entry point, {@code from}/{@code to})
 * once the minute is over. So per realm and minute each node writes at most {@value #MAX_ADDRESSES} rows of its own
 * plus {@value #MAX_ADDRESSES} summaries, and one {@code overflow} summary (no address) for the refusals from any
 * further addresses; first-refusal rows across the cluster are at most one per address.
 * Every refused request is accounted for: its own row, or one unit of a summary's {@code count}.
 */
public final class DeniedConnectionLog {

    static final long WINDOW_MILLIS = 60_000;
    static final int MAX_ADDRESSES = 100;
    /** How often closed minutes are written out; a summary appears at most this long after its minute ends. */
    static final long FLUSH_INTERVAL_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(DeniedConnectionLog.class);
    private static final String CLAIM_PREFIX = "security-center.ip-denied.";
    private static final ConcurrentMap<Window, Tally> TALLIES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<RealmMinute, AtomicInteger> ADDRESSES = new ConcurrentHashMap<>();

    /** A realm's minute for one address; {@code address} null is the overflow of further addresses. */
    private record Window(String realmId, long minute, String address) {
    }

    private record RealmMinute(String realmId, long minute) {
    }

    /** What this node refused from one address in one minute beyond the first refusal. */
    private static final class Tally {
        final AtomicBoolean claimTried = new AtomicBoolean();
        final ConcurrentMap<String, LongAdder> byWhere = new ConcurrentHashMap<>();

        void add(String where) {
            byWhere.computeIfAbsent(where, w -> new LongAdder()).increment();
        }
    }

    private DeniedConnectionLog() {
    }

    /** Accounts for one refused request of this session's connection. */
    static void record(KeycloakSession session, String realmId, String address, String where, String clientId) {
        long now = Time.currentTimeMillis();
        long minute = now / WINDOW_MILLIS;
        Tally tally = tally(realmId, minute, address);
        if (!tally.claimTried.getAndSet(true) && address != null && session.singleUseObjects()
                .putIfAbsent(CLAIM_PREFIX + realmId + "." + minute + "." + address, 2 * WINDOW_MILLIS / 1000)) {
            // the first refusal of this address and minute in the cluster: written at once, in its own
            // transaction, because the refused request's own transaction ends in an error
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), audit ->
                    AuditRecorder.of(audit).record(realmId, new AuditEvent(AuditEventType.IP_DENIED, null, null,
                            clientId, address, Map.of("where", where), now)));
            return;
        }
        tally.add(where);
    }

    private static Tally tally(String realmId, long minute, String address) {
        Window window = new Window(realmId, minute, address);
        Tally tally = TALLIES.get(window);
        if (tally != null) {
            return tally;
        }
        int addresses = ADDRESSES.computeIfAbsent(new RealmMinute(realmId, minute), k -> new AtomicInteger())
                .incrementAndGet();
        Window counted = addresses <= MAX_ADDRESSES ? window : new Window(realmId, minute, null);
        return TALLIES.computeIfAbsent(counted, k -> new Tally());
    }

    /**
     * Writes the summaries of the minutes that are over (all of them when {@code everything}), one transaction per
     * realm.
     */
    static void flush(KeycloakSessionFactory factory, boolean everything) {
        // a grace of one flush interval after the minute ends lets requests that were counting into it finish
        long openMinute = (Time.currentTimeMillis() - FLUSH_INTERVAL_MILLIS) / WINDOW_MILLIS;
        Map<String, List<AuditEvent>> byRealm = new TreeMap<>();
        for (Window window : List.copyOf(TALLIES.keySet())) {
            if (!everything && window.minute() >= openMinute) {
                continue;
            }
            Tally tally = TALLIES.remove(window);
            ADDRESSES.remove(new RealmMinute(window.realmId(), window.minute()));
            AuditEvent summary = tally == null ? null : summary(window, tally);
            if (summary != null) {
                byRealm.computeIfAbsent(window.realmId(), r -> new ArrayList<>()).add(summary);
            }
        }
        byRealm.forEach((realmId, summaries) -> {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    if (session.realms().getRealm(realmId) != null) {
                        AuditRecorder recorder = AuditRecorder.of(session);
                        summaries.forEach(summary -> recorder.record(realmId, summary));
                    }
                });
            } catch (RuntimeException e) {
                // the counts must not vanish silently: the server log keeps them
                LOG.errorf(e, "Could not record %d summaries of refused connections of realm %s: %s",
                        summaries.size(), realmId, summaries);
            }
        });
    }

    private static AuditEvent summary(Window window, Tally tally) {
        Map<String, Object> where = new LinkedHashMap<>();
        long count = 0;
        for (Map.Entry<String, LongAdder> entry : new TreeMap<>(tally.byWhere).entrySet()) {
            long n = entry.getValue().sum();
            where.put(entry.getKey(), n);
            count += n;
        }
        if (count == 0) {
            return null;
        }
        long start = window.minute() * WINDOW_MILLIS;
        long end = start + WINDOW_MILLIS;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("summary", true);
        details.put("count", count);
        details.put("where", where);
        details.put("from", Instant.ofEpochMilli(start).toString());
        details.put("to", Instant.ofEpochMilli(end).toString());
        if (window.address() == null) {
            details.put("overflow", true);
        }
        return new AuditEvent(AuditEventType.IP_DENIED, null, null, null, window.address(), details,
                Math.min(end, Time.currentTimeMillis()));
    }
}
