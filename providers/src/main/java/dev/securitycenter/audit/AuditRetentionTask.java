package dev.securitycenter.audit;

import dev.securitycenter.jpa.AuditChainHeadEntity;
import dev.securitycenter.jpa.AuditEventEntity;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

import java.time.Duration;
import java.util.List;

/**
 * Deletes audit events older than the retention period. Scheduled through Keycloak's cluster-aware runner, so one
 * node of a cluster runs it per interval. The hash of the last purged row is kept on the chain head, so the
 * remaining chain still verifies and a hand-deleted oldest row is still detected.
 */
public class AuditRetentionTask implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(AuditRetentionTask.class);

    private final Duration retention;

    public AuditRetentionTask(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void run(KeycloakSession session) {
        long cutoff = Time.currentTimeMillis() - retention.toMillis();
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<String> realmIds = em.createQuery("select h.realmId from AuditChainHeadEntity h", String.class)
                .getResultList();
        AuditChainWriter writer = new AuditChainWriter(session);
        for (String realmId : realmIds) {
            purge(em, writer.lockHead(realmId), cutoff);
        }
    }

    private static void purge(EntityManager em, AuditChainHeadEntity head, long cutoff) {
        Long throughSeq = em.createNamedQuery(AuditEventEntity.LAST_SEQ_BEFORE, Long.class)
                .setParameter("realmId", head.getRealmId())
                .setParameter("before", cutoff)
                .getSingleResult();
        if (throughSeq == null || throughSeq <= head.getPurgedThroughSeq()) {
            return;
        }
        String throughHash = em.createQuery("select e.hash from AuditEventEntity e where e.realmId = :realmId"
                        + " and e.seq = :seq", String.class)
                .setParameter("realmId", head.getRealmId())
                .setParameter("seq", throughSeq)
                .getSingleResult();
        int deleted = em.createNamedQuery(AuditEventEntity.DELETE_THROUGH_SEQ)
                .setParameter("realmId", head.getRealmId())
                .setParameter("throughSeq", throughSeq)
                .executeUpdate();
        head.setPurgedThroughSeq(throughSeq);
        head.setPurgedThroughHash(throughHash);
        LOG.infof("Purged %d audit events of realm %s older than the retention period", deleted, head.getRealmId());
    }

    @Override
    public String getTaskName() {
        return "security-center-audit-retention";
    }
}
