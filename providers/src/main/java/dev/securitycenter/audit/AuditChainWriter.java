package dev.securitycenter.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitycenter.jpa.AuditChainHeadEntity;
import dev.securitycenter.jpa.AuditEventEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Appends rows to a realm's hash chain while holding the lock on the chain's head row. */
final class AuditChainWriter {

    private static final Logger LOG = Logger.getLogger(AuditChainWriter.class);
    static final int MAX_DETAILS_LENGTH = 4000;
    /** Keeps nulls, unlike Keycloak's shared mapper: in a change record "old": null is information. */
    private static final ObjectMapper DETAILS_MAPPER = new ObjectMapper();

    private final KeycloakSession session;
    private final EntityManager em;

    AuditChainWriter(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void append(String realmId, List<AuditEvent> events) {
        AuditChainHeadEntity head = lockHead(realmId);
        for (AuditEvent event : events) {
            AuditEventEntity row = toRow(realmId, event);
            row.setSeq(head.getLastSeq() + 1);
            row.setPrevHash(head.getLastHash());
            row.setHash(AuditHash.of(row));
            em.persist(row);
            head.setLastSeq(row.getSeq());
            head.setLastHash(row.getHash());
        }
    }

    /** Locks the head row, creating it first (in its own transaction, so concurrent creators cannot clash). */
    AuditChainHeadEntity lockHead(String realmId) {
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realmId, LockModeType.PESSIMISTIC_WRITE);
        if (head != null) {
            return head;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), other -> {
                AuditChainHeadEntity created = new AuditChainHeadEntity();
                created.setRealmId(realmId);
                created.setLastHash(AuditHash.GENESIS);
                created.setPurgedThroughHash(AuditHash.GENESIS);
                other.getProvider(JpaConnectionProvider.class).getEntityManager().persist(created);
            });
        } catch (PersistenceException | ModelException e) {
            LOG.debugf("Audit chain head of realm %s was created concurrently", realmId);
        }
        head = em.find(AuditChainHeadEntity.class, realmId, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("Could not create the audit chain head of realm " + realmId);
        }
        return head;
    }

    private static AuditEventEntity toRow(String realmId, AuditEvent event) {
        AuditEventEntity row = new AuditEventEntity();
        row.setId(UUID.randomUUID().toString());
        row.setRealmId(realmId);
        row.setType(event.type().code());
        if (event.subject() != null) {
            row.setSubjectUserId(event.subject().id());
            row.setSubjectUsername(event.subject().username());
        }
        if (event.actor() != null) {
            row.setActorUserId(event.actor().id());
            row.setActorUsername(event.actor().username());
        }
        row.setClientId(event.clientId());
        row.setIpAddress(event.ipAddress());
        row.setDetails(detailsJson(event.details()));
        row.setTime(event.time());
        return row;
    }

    static String detailsJson(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            String json = DETAILS_MAPPER.writeValueAsString(details);
            if (json.length() <= MAX_DETAILS_LENGTH) {
                return json;
            }
            return DETAILS_MAPPER.writeValueAsString(Map.of("truncated", true, "keys", details.keySet()));
        } catch (IOException e) {
            throw new IllegalArgumentException("Audit details must be plain JSON values", e);
        }
    }
}
