package dev.securitycenter.it.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.audit.AuditHash;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.jpa.AuditEventEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events older than the retention period (365 days by default) are purged by the scheduled task (every minute on
 * the test server), and the rest of the chain still verifies. Old events are planted at the start of a realm's
 * chain with SQL, hashed as the server would have hashed them, a minute short of the retention period: the chain is
 * verified with them first, before the purge may take them.
 */
@ExtendWith(KeycloakTestServer.class)
class AuditRetentionIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final Duration RETENTION = Duration.ofDays(365);
    /** How long the planted events stay within the retention period: ample for the first verification. */
    private static final Duration BEFORE_THE_PURGE = Duration.ofSeconds(60);

    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void oldEventsArePurgedAndTheRestStillVerifies() throws Exception {
        try (TestRealm realm = TestRealm.create(api, "audit-retention", Map.of())) {
            AuditLog audit = new AuditLog(api, realm.name());
            String realmId = api.get(realm.adminPath(), api.masterAdminToken()).json().get("id").asText();
            String lastHash = plantOldEvents(realmId, 3, Instant.now().minus(RETENTION).plus(BEFORE_THE_PURGE));
            insertHead(realmId, 3, lastHash);
            realm.createUser("jane", PASSWORD);
            api.token(realm.name(), "jane", PASSWORD);
            api.token(realm.name(), "jane", PASSWORD);
            JsonNode before = audit.verify();
            assertTrue(before.get("ok").asBoolean(), before.toString());
            assertEquals(5, before.get("checked").asLong());

            // old once BEFORE_THE_PURGE has passed, then purged at the task's next run (every minute)
            Instant deadline = Instant.now().plus(BEFORE_THE_PURGE).plus(Duration.ofSeconds(150));
            while (count(realmId) > 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
            }

            assertEquals(2, count(realmId), "only the two recent sign-ins are left");
            JsonNode after = audit.verify();
            assertTrue(after.get("ok").asBoolean(), after.toString());
            assertEquals(2, after.get("checked").asLong());

            assertEquals(1, Sql.update("delete from SC_AUDIT_EVENT where REALM_ID = ? and SEQ = 4", realmId));
            JsonNode tampered = audit.verify();
            assertFalse(tampered.get("ok").asBoolean());
            assertEquals(4, tampered.get("brokenAtSeq").asLong(), "a hand-deleted row is not taken for a purge");
        }
    }

    private static String plantOldEvents(String realmId, int count, Instant time) throws Exception {
        String prev = AuditHash.GENESIS;
        for (int seq = 1; seq <= count; seq++) {
            AuditEventEntity row = new AuditEventEntity();
            row.setId(UUID.randomUUID().toString());
            row.setRealmId(realmId);
            row.setSeq(seq);
            row.setType("auth.login_failed");
            row.setSubjectUsername("long-gone");
            row.setIpAddress("192.0.2.1");
            row.setTime(time.toEpochMilli() + seq);
            row.setPrevHash(prev);
            row.setHash(AuditHash.of(row));
            Sql.update("insert into SC_AUDIT_EVENT (ID, REALM_ID, SEQ, EVENT_TYPE, SUBJECT_USERNAME, IP_ADDRESS,"
                            + " EVENT_TIME, PREV_HASH, HASH) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.getId(), realmId, row.getSeq(), row.getType(), row.getSubjectUsername(), row.getIpAddress(),
                    row.getTime(), row.getPrevHash(), row.getHash());
            prev = row.getHash();
        }
        return prev;
    }

    private static void insertHead(String realmId, long lastSeq, String lastHash) throws Exception {
        Sql.update("insert into SC_AUDIT_CHAIN_HEAD (REALM_ID, LAST_SEQ, LAST_HASH, PURGED_THROUGH_SEQ,"
                + " PURGED_THROUGH_HASH) values (?, ?, ?, 0, ?)", realmId, lastSeq, lastHash, AuditHash.GENESIS);
    }

    private static long count(String realmId) throws Exception {
        return Sql.count("select count(*) from SC_AUDIT_EVENT where REALM_ID = ?", realmId);
    }
}
