package dev.securitycenter.audit;

import dev.securitycenter.jpa.AuditChainHeadEntity;
import dev.securitycenter.jpa.AuditEventEntity;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import java.util.List;

/**
 * Walks a realm's chain from the oldest remaining row to the head and names the first row that was edited, is
 * missing, or no longer links to its predecessor.
 */
public class AuditVerifier {

    private final EntityManager em;

    public AuditVerifier(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public AuditVerification verify(String realmId) {
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realmId);
        if (head == null) {
            return AuditVerification.intact(0);
        }
        long expectedSeq = head.getPurgedThroughSeq() + 1;
        String expectedPrevHash = head.getPurgedThroughHash();
        long checked = 0;
        while (true) {
            List<AuditEventEntity> batch = em.createNamedQuery(AuditEventEntity.CHAIN_AFTER, AuditEventEntity.class)
                    .setParameter("realmId", realmId)
                    .setParameter("afterSeq", expectedSeq - 1)
                    // rows appended after the head was read belong to a later verification
                    .setParameter("throughSeq", head.getLastSeq())
                    .setMaxResults(AuditStore.BATCH_SIZE)
                    .getResultList();
            for (AuditEventEntity row : batch) {
                if (row.getSeq() != expectedSeq) {
                    return AuditVerification.broken(checked, expectedSeq, null,
                            "event " + expectedSeq + " is missing");
                }
                if (!row.getPrevHash().equals(expectedPrevHash)) {
                    return AuditVerification.broken(checked, row.getSeq(), row.getId(),
                            "does not link to the event before it");
                }
                if (!AuditHash.of(row).equals(row.getHash())) {
                    return AuditVerification.broken(checked, row.getSeq(), row.getId(),
                            "content does not match its hash");
                }
                checked++;
                expectedSeq++;
                expectedPrevHash = row.getHash();
                em.detach(row);
            }
            if (batch.size() < AuditStore.BATCH_SIZE) {
                break;
            }
        }
        if (expectedSeq - 1 != head.getLastSeq() || !expectedPrevHash.equals(head.getLastHash())) {
            return AuditVerification.broken(checked, expectedSeq, null, "event " + expectedSeq + " is missing");
        }
        return AuditVerification.intact(checked);
    }
}
