package dev.securitycenter.audit;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records audit events as part of the session's transaction: they are appended to the hash chain in the commit's
 * prepare phase, so they are written exactly when the change they describe commits, and the chain's lock is held
 * only for the commit itself. Once the transaction has committed, the events are counted in the metrics
 * ({@link AuditEventMeters}); a rolled-back transaction counts nothing.
 */
public final class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);
    private static final String SESSION_ATTRIBUTE = AuditRecorder.class.getName();

    private final KeycloakSession session;
    private final Map<String, List<AuditEvent>> pendingByRealm = new LinkedHashMap<>();
    /** The names of the realms recorded into, for the metrics' realm tag. */
    private final Map<String, String> realmNames = new LinkedHashMap<>();
    /** What the flush appended, by realm id, to be counted once the transaction has committed. */
    private final Map<String, List<AuditEvent>> appended = new LinkedHashMap<>();
    private boolean flushed;

    private AuditRecorder(KeycloakSession session) {
        this.session = session;
    }

    /** The recorder of this session's transaction. */
    public static AuditRecorder of(KeycloakSession session) {
        AuditRecorder recorder = session.getAttribute(SESSION_ATTRIBUTE, AuditRecorder.class);
        if (recorder == null) {
            // The JPA transaction must join before the commit starts: nothing can enlist during the commit.
            session.getProvider(JpaConnectionProvider.class).getEntityManager();
            recorder = new AuditRecorder(session);
            session.setAttribute(SESSION_ATTRIBUTE, recorder);
            session.getTransactionManager().enlistPrepare(recorder.new Flush());
            session.getTransactionManager().enlistAfterCompletion(recorder.new CountWhenCommitted());
        }
        return recorder;
    }

    public void record(String realmId, AuditEvent event) {
        if (flushed) {
            // Something reported an event while this transaction was already committing: give it its own.
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                    other -> AuditRecorder.of(other).record(realmId, event));
            return;
        }
        pendingByRealm.computeIfAbsent(realmId, id -> new ArrayList<>()).add(event);
        // looked up now, while the transaction is open (nothing may enlist during the commit)
        realmNames.computeIfAbsent(realmId, id -> {
            RealmModel realm = session.realms().getRealm(id);
            return realm == null ? "" : realm.getName();
        });
    }

    private final class Flush extends AbstractKeycloakTransaction {
        @Override
        protected void commitImpl() {
            flushed = true;
            AuditChainWriter writer = new AuditChainWriter(session);
            // Realms in a fixed order, so two transactions touching the same realms cannot deadlock on the heads.
            pendingByRealm.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(pending -> append(writer, pending.getKey(), pending.getValue()));
        }

        private void append(AuditChainWriter writer, String realmId, List<AuditEvent> events) {
            long start = System.nanoTime();
            try {
                writer.append(realmId, events);
            } finally {
                AuditEventMeters.GLOBAL.appendTook(Duration.ofNanos(System.nanoTime() - start));
            }
            appended.put(realmId, events);
        }

        @Override
        protected void rollbackImpl() {
            if (!pendingByRealm.isEmpty()) {
                LOG.debugf("Discarding %d audit event(s) of a rolled-back transaction", pendingByRealm.size());
            }
            pendingByRealm.clear();
        }
    }

    /** Runs after the session's transaction: counts the appended events only if it committed. */
    private final class CountWhenCommitted extends AbstractKeycloakTransaction {
        @Override
        protected void commitImpl() {
            appended.forEach((realmId, events) ->
                    events.forEach(event -> AuditEventMeters.GLOBAL.count(realmNames.get(realmId), event)));
        }

        @Override
        protected void rollbackImpl() {
            appended.clear();
        }
    }
}
