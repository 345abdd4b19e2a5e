package dev.securitycenter.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakCluster;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What must agree across nodes does: a policy saved on one node is what the other enforces at once (allowlist,
 * lockout threshold, session limit), failures counted on either node add up to one lockout, and writers on both
 * nodes keep one valid audit chain per realm.
 */
@ExtendWith(KeycloakCluster.class)
class TwoNodeClusterIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private final KeycloakApi nodeA = KeycloakCluster.nodeA();
    private final KeycloakApi nodeB = KeycloakCluster.nodeB();
    private TestRealm realm;

    @BeforeEach
    void createRealm() {
        realm = TestRealm.create(nodeA, "cluster", Map.of());
        assertEquals(200, nodeA.post(policyPath() + "/defaults", nodeA.masterAdminToken(), "").status());
        realm.createUser("ada", PASSWORD);
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void anAllowlistSavedOnOneNodeIsEnforcedByTheOtherAtOnce() {
        // node B compiles the allowlist before the change, so a stale copy would show
        SourceBoundHttp outsiderOnB = new SourceBoundHttp(KeycloakCluster.nodeBUrl(), "127.0.0.2");
        assertEquals(200, grant(outsiderOnB).status());

        savePolicy(doc -> allowlist(doc, "127.0.0.1"));
        Response refused = grant(outsiderOnB);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("invalid_grant", refused.json().get("error").asText());

        savePolicy(doc -> allowlist(doc, "127.0.0.1", "127.0.0.2"));
        assertEquals(200, grant(outsiderOnB).status(), "node B sees the widened list");
    }

    @Test
    void failuresOnBothNodesAddUpToOneLockout() {
        savePolicy(doc -> doc.withObjectProperty("lockout").put("maxFailures", 4).put("durationMinutes", 30));
        for (int i = 0; i < 2; i++) {
            assertEquals(400, nodeA.passwordGrant(realm.name(), "ada", "Wrong-" + i).status());
            assertEquals(400, nodeB.passwordGrant(realm.name(), "ada", "Wrong-B-" + i).status());
        }
        new AuditLog(nodeA, realm.name()).awaitEvent("auth.account_locked", "ada");
        assertEquals(400, nodeA.passwordGrant(realm.name(), "ada", PASSWORD).status(), "locked on node A");
        assertEquals(400, nodeB.passwordGrant(realm.name(), "ada", PASSWORD).status(), "locked on node B");
    }

    @Test
    void theSessionLimitCountsSessionsOnBothNodes() {
        savePolicy(doc -> doc.withObjectProperty("sessions").put("maxConcurrentSessions", 1));
        JsonNode onA = nodeA.passwordGrant(realm.name(), "ada", PASSWORD).json();
        assertEquals(200, refresh(nodeA, onA).status(), "the first session is alive");

        assertEquals(200, nodeB.passwordGrant(realm.name(), "ada", PASSWORD).status());
        Response ended = refresh(nodeA, onA);
        assertEquals(400, ended.status(), "a sign-in on node B ended the oldest session, made on node A: "
                + ended.body());
    }

    @Test
    void signInsOnBothNodesKeepOneValidAuditChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> signIns = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                KeycloakApi node = i % 2 == 0 ? nodeA : nodeB;
                signIns.add(pool.submit(() -> node.token(realm.name(), "ada", PASSWORD)));
            }
            for (Future<String> signIn : signIns) {
                signIn.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditLog audit = new AuditLog(nodeB, realm.name());
        assertEquals(40, audit.events("type=auth.login_succeeded&max=100").size());
        JsonNode verification = audit.verify();
        assertTrue(verification.get("ok").asBoolean(), verification.toString());
    }

    private Response grant(SourceBoundHttp from) {
        return from.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of("grant_type",
                "password", "client_id", "admin-cli", "username", "ada", "password", PASSWORD), Map.of());
    }

    private Response refresh(KeycloakApi node, JsonNode tokens) {
        return node.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", "admin-cli",
                "refresh_token", tokens.get("refresh_token").asText()));
    }

    private static void allowlist(ObjectNode doc, String... addresses) {
        ArrayNode entries = doc.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries");
        for (String address : addresses) {
            entries.addObject().put("value", address).put("label", "allowed " + address);
        }
    }

    /** Policy changes always go to node A; what node B does is what the tests look at. */
    private void savePolicy(Consumer<ObjectNode> change) {
        ObjectNode doc = (ObjectNode) nodeA.get(policyPath(), nodeA.masterAdminToken()).json();
        change.accept(doc);
        Response saved = nodeA.put(policyPath(), nodeA.masterAdminToken(), doc);
        assertEquals(200, saved.status(), saved.body());
    }

    private String policyPath() {
        return realm.adminPath() + "/security-center/policy";
    }
}
