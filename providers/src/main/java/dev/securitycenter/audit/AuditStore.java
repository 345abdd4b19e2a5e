package dev.securitycenter.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitycenter.jpa.AuditEventEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Reads the audit log: pages newest first, and whole filtered logs in bounded batches. */
public class AuditStore {

    static final int BATCH_SIZE = 500;
    static final int PASSKEY_SIGN_INS_READ = 500;
    private static final ObjectMapper DETAILS = new ObjectMapper();

    private final EntityManager em;

    public AuditStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** One page, newest first. */
    public List<AuditEventView> page(AuditQuery query, int first, int max) {
        return select(query, null).setFirstResult(first).setMaxResults(max)
                .getResultStream().map(AuditEventView::of).toList();
    }

    /**
     * Every matching event, newest first, handed over batch by batch so that neither the server nor the database
     * holds the whole log at once (keyset paging on time and sequence).
     */
    public void forEach(AuditQuery query, Consumer<AuditEventView> consumer) {
        AuditEventEntity last = null;
        while (true) {
            List<AuditEventEntity> batch = select(query, last).setMaxResults(BATCH_SIZE).getResultList();
            for (AuditEventEntity row : batch) {
                consumer.accept(AuditEventView.of(row));
                em.detach(row);
            }
            if (batch.size() < BATCH_SIZE) {
                return;
            }
            last = batch.get(batch.size() - 1);
        }
    }

    /**
     * When each of the user's passkeys last signed them in, by credential id, from their newest
     * {@value #PASSKEY_SIGN_INS_READ} passkey sign-ins (the realm-user-time index bounds the read to this user's
     * rows; a passkey unused for longer than that has no time). Keycloak keeps no last-used time for credentials.
     */
    public Map<String, Long> lastPasskeySignIns(String realmId, String userId) {
        Map<String, Long> lastUse = new HashMap<>();
        em.createQuery("select e.time, e.details from AuditEventEntity e where e.realmId = :realmId"
                        + " and e.subjectUserId = :userId and e.type = :type and e.details like :passkey"
                        + " order by e.time desc", Object[].class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setParameter("type", AuditEventType.LOGIN_SUCCEEDED.code())
                .setParameter("passkey", "%\"method\":\"" + SignInMethod.PASSKEY + "\"%")
                .setMaxResults(PASSKEY_SIGN_INS_READ)
                .getResultStream()
                .forEach(row -> credentialId((String) row[1])
                        .ifPresent(id -> lastUse.putIfAbsent(id, (Long) row[0])));
        return lastUse;
    }

    private static Optional<String> credentialId(String details) {
        try {
            JsonNode id = details == null ? null : DETAILS.readTree(details).get(SignInMethod.CREDENTIAL_ID);
            return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
    }

    private TypedQuery<AuditEventEntity> select(AuditQuery query, AuditEventEntity after) {
        List<String> where = new ArrayList<>(List.of("e.realmId = :realmId"));
        Map<String, Object> params = new HashMap<>(Map.of("realmId", query.realmId()));
        if (!query.types().isEmpty()) {
            where.add("e.type in :types");
            params.put("types", query.types().stream().map(AuditEventType::code).collect(Collectors.toSet()));
        }
        if (query.subjectUserId() != null) {
            where.add("e.subjectUserId = :userId");
            params.put("userId", query.subjectUserId());
        }
        if (query.fromMillis() != null) {
            where.add("e.time >= :from");
            params.put("from", query.fromMillis());
        }
        if (query.toMillis() != null) {
            where.add("e.time < :to");
            params.put("to", query.toMillis());
        }
        if (after != null) {
            where.add("(e.time < :afterTime or (e.time = :afterTime and e.seq < :afterSeq))");
            params.put("afterTime", after.getTime());
            params.put("afterSeq", after.getSeq());
        }
        TypedQuery<AuditEventEntity> typed = em.createQuery(
                "select e from AuditEventEntity e where " + String.join(" and ", where)
                        + " order by e.time desc, e.seq desc", AuditEventEntity.class);
        params.forEach(typed::setParameter);
        return typed;
    }
}
