package dev.securitycenter.it.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filtering, paging and export of the admin audit API over events produced by real sign-ins. */
@ExtendWith(KeycloakTestServer.class)
class AuditQueryIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    private static KeycloakApi api;
    private static TestRealm realm;
    private static AuditLog audit;
    private static String frankId;
    private static Instant afterFirstBatch;

    @BeforeAll
    static void produceEvents() throws InterruptedException {
        api = KeycloakTestServer.api();
        realm = TestRealm.create(api, "audit-query", Map.of());
        audit = new AuditLog(api, realm.name());
        frankId = realm.createUser("frank", PASSWORD);
        realm.createUser("grace", PASSWORD);
        realm.createUser("-formula", PASSWORD);
        for (int i = 0; i < 3; i++) {
            api.token(realm.name(), "frank", PASSWORD);
        }
        api.token(realm.name(), "-formula", PASSWORD);
        Thread.sleep(20);
        afterFirstBatch = Instant.now();
        Thread.sleep(20);
        api.token(realm.name(), "grace", PASSWORD);
        api.passwordGrant(realm.name(), "grace", "wrong");
        audit.awaitEvent("auth.login_failed", "grace");
    }

    @AfterAll
    static void deleteRealm() {
        realm.close();
    }

    @Test
    void eventsComeNewestFirst() {
        List<JsonNode> events = audit.events("");
        assertEquals(6, events.size(), events.toString());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i - 1).get("time").asText().compareTo(events.get(i).get("time").asText()) >= 0);
        }
        assertEquals("auth.login_failed", events.get(0).get("type").asText());
    }

    @Test
    void filtersByTypeUserAndTime() {
        assertEquals(5, audit.events("type=auth.login_succeeded").size());
        assertEquals(6, audit.events("type=auth.login_succeeded&type=auth.login_failed").size());
        assertEquals(3, audit.events("user=frank").size());
        assertEquals(3, audit.events("user=" + frankId).size(), "a user id works as well as a username");
        assertEquals(0, audit.events("user=frank&type=auth.login_failed").size());
        assertEquals(2, audit.events("from=" + afterFirstBatch).size());
        assertEquals(4, audit.events("to=" + afterFirstBatch).size());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(6, audit.events("from=" + today + "&to=" + today).size(), "a date as to includes that day");
        assertEquals(0, audit.events("to=" + LocalDate.now(ZoneOffset.UTC).minusDays(1)).size());
    }

    @Test
    void pagesDoNotOverlap() {
        Set<String> ids = new HashSet<>();
        for (int first = 0; first < 6; first += 2) {
            List<JsonNode> page = audit.events("first=" + first + "&max=2");
            assertEquals(2, page.size());
            page.forEach(e -> ids.add(e.get("id").asText()));
        }
        assertEquals(6, ids.size());
        assertEquals(0, audit.events("first=6&max=2").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "first=-1|first",
            "max=0|max",
            "max=501|max",
            "max=ten|max",
            "type=auth.nonsense|type",
            "from=2025-13-45|from",
            "to=yesterday|to",
            "from=2025-12-11&to=2025-12-10|to"})
    void badParametersAreRefusedNamingTheParameter(String query, String field) {
        Response response = api.get(audit.path() + "?" + query, api.masterAdminToken());
        assertEquals(400, response.status(), response.body());
        assertEquals(field, response.json().at("/errors/0/field").asText(), response.body());
    }

    @Test
    void exportsFilteredCsvWithSpreadsheetFormulasDefused() {
        Response csv = api.get(audit.path() + "/export?format=csv&type=auth.login_succeeded", api.masterAdminToken());
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.body().split("\n");
        assertEquals("id,time,type,userId,username,actorId,actorUsername,clientId,ipAddress,details", lines[0]);
        assertEquals(6, lines.length, "header and five sign-ins");
        assertTrue(csv.body().contains("\"'-formula\""), "a cell starting with - is prefixed: " + csv.body());
        assertFalse(csv.body().contains(",\"-formula\""));
    }

    @Test
    void exportsJsonLinesForOneUser() throws Exception {
        Response jsonl = api.get(audit.path() + "/export?format=jsonl&user=frank", api.masterAdminToken());
        assertEquals(200, jsonl.status(), jsonl.body());
        String[] lines = jsonl.body().split("\n");
        assertEquals(3, lines.length);
        for (String line : lines) {
            JsonNode event = KeycloakApi.JSON.readTree(line);
            assertEquals("frank", event.get("username").asText());
            assertEquals("auth.login_succeeded", event.get("type").asText());
        }
    }

    @Test
    void unknownExportFormatIsRefused() {
        Response response = api.get(audit.path() + "/export?format=xlsx", api.masterAdminToken());
        assertEquals(400, response.status());
        assertEquals("format", response.json().at("/errors/0/field").asText());
    }

}
