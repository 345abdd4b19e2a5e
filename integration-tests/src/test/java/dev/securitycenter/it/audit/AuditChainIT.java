package dev.securitycenter.it.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-realm hash chain: intact under concurrent writers, and edits or deletions made in SQL are found. */
@ExtendWith(KeycloakTestServer.class)
class AuditChainIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void concurrentWritersLeaveOneValidChain() throws Exception {
        try (TestRealm realm = TestRealm.create(api, "audit-chain", Map.of())) {
            AuditLog audit = new AuditLog(api, realm.name());
            for (int u = 0; u < 4; u++) {
                realm.createUser("user" + u, PASSWORD);
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> logins = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String user = "user" + (i % 4);
                    logins.add(pool.submit(() -> api.token(realm.name(), user, PASSWORD)));
                }
                for (Future<String> login : logins) {
                    login.get();
                }
            } finally {
                pool.shutdown();
            }

            assertEquals(40, audit.events("type=auth.login_succeeded&max=100").size());
            JsonNode verification = audit.verify();
            assertTrue(verification.get("ok").asBoolean(), verification.toString());
            assertEquals(40, verification.get("checked").asLong());
            List<Long> seqs = seqs(realm);
            for (int i = 0; i < seqs.size(); i++) {
                assertEquals(i + 1, seqs.get(i), "sequence numbers have no gaps or duplicates");
            }
        }
    }

    @Test
    void editedRowIsNamedAndRestoringItHealsTheChain() throws Exception {
        try (TestRealm realm = TestRealm.create(api, "audit-edit", Map.of())) {
            AuditLog audit = new AuditLog(api, realm.name());
            realm.createUser("henry", PASSWORD);
            for (int i = 0; i < 5; i++) {
                api.token(realm.name(), "henry", PASSWORD);
            }
            assertTrue(audit.verify().get("ok").asBoolean());

            String original = (String) Sql.column(
                    "select IP_ADDRESS from SC_AUDIT_EVENT where REALM_ID = ? and SEQ = 3", realmId(realm)).get(0);
            tamper("update SC_AUDIT_EVENT set IP_ADDRESS = '10.6.6.6' where REALM_ID = ? and SEQ = 3", realm);
            JsonNode broken = audit.verify();
            assertFalse(broken.get("ok").asBoolean());
            assertEquals(3, broken.get("brokenAtSeq").asLong());
            assertEquals("content does not match its hash", broken.get("reason").asText());
            assertEquals(2, broken.get("checked").asLong());

            tamper("update SC_AUDIT_EVENT set IP_ADDRESS = '" + original + "' where REALM_ID = ? and SEQ = 3",
                    realm);
            assertTrue(audit.verify().get("ok").asBoolean());
        }
    }

    @Test
    void deletedRowsAreNamedWhereverTheyWere() throws Exception {
        try (TestRealm realm = TestRealm.create(api, "audit-delete", Map.of())) {
            AuditLog audit = new AuditLog(api, realm.name());
            realm.createUser("irene", PASSWORD);
            for (int i = 0; i < 6; i++) {
                api.token(realm.name(), "irene", PASSWORD);
            }
            assertTrue(audit.verify().get("ok").asBoolean());

            tamper("delete from SC_AUDIT_EVENT where REALM_ID = ? and SEQ = 6", realm);
            JsonNode newest = audit.verify();
            assertFalse(newest.get("ok").asBoolean());
            assertEquals(6, newest.get("brokenAtSeq").asLong(), newest.toString());

            tamper("delete from SC_AUDIT_EVENT where REALM_ID = ? and SEQ = 4", realm);
            JsonNode middle = audit.verify();
            assertEquals(4, middle.get("brokenAtSeq").asLong(), middle.toString());
            assertEquals("event 4 is missing", middle.get("reason").asText());

            tamper("delete from SC_AUDIT_EVENT where REALM_ID = ? and SEQ = 1", realm);
            assertEquals(1, audit.verify().get("brokenAtSeq").asLong(), "the oldest row is guarded too");
        }
    }

    private String realmId(TestRealm realm) {
        return api.get(realm.adminPath(), api.masterAdminToken()).json().get("id").asText();
    }

    private List<Long> seqs(TestRealm realm) throws Exception {
        return Sql.column("select SEQ from SC_AUDIT_EVENT where REALM_ID = ? order by SEQ", realmId(realm)).stream()
                .map(v -> ((Number) v).longValue()).toList();
    }

    private void tamper(String sql, TestRealm realm) throws Exception {
        assertEquals(1, Sql.update(sql, realmId(realm)));
    }
}
