package dev.securitycenter.audit;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records audit events as part of the session's transaction: they are appended to the hash chain in the commit's
 * prepare phase, so they are written exactly when the change they describe commits, and the chain's lock is held
 * only for the commit itself.
 */
public final class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);
    private static final String SESSION_ATTRIBUTE = AuditRecorder.class.getName();

    private final KeycloakSession session;
    private final Map<String, List<AuditEvent>> pendingByRealm = new LinkedHashMap<>();
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
    }

    private final class Flush extends AbstractKeycloakTransaction {
        @Override
        protected void commitImpl() {
            flushed = true;
            AuditChainWriter writer = new AuditChainWriter(session);
            // Realms in a fixed order, so two transactions touching the same realms cannot deadlock on the heads.
            pendingByRealm.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(pending -> writer.append(pending.getKey(), pending.getValue()));
        }

        @Override
        protected void rollbackImpl() {
            if (!pendingByRealm.isEmpty()) {
                LOG.debugf("Discarding %d audit event(s) of a rolled-back transaction", pendingByRealm.size());
            }
            pendingByRealm.clear();
        }
    }
}
