package dev.securitycenter.it.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.ExtensionSchema;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.PreviousRelease;
import dev.securitycenter.it.support.RealmConfiguration;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestDatabase;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upgrade as an operator makes it: a PostgreSQL database configured and used by the previous release's jars
 * ({@code releases/<version>/}), then this build's jars started on the same database. Liquibase must bring the
 * extension's tables to what a new installation gets, the realm's managed flows, client policies and attributes
 * must be what this build writes for the same policy, the policy must read back unchanged, the audit chain must
 * still verify and go on, and enforcement must hold. Until there is a second release the previous release is the
 * first one, so the test fails as soon as a schema or flow change comes without the migration that brings existing
 * databases along.
 *
 * <p>The database is a new one on the suite's PostgreSQL server, whose own database (a new installation of this
 * build, by the suite's server) is the schema to match; each release starts once.
 */
@ExtendWith(KeycloakTestServer.class)
class UpgradeIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String TOTP_SECRET = "UpgradeTotpSecret0001";

    @Test
    void aDatabaseOfThePreviousReleaseIsBroughtUpToDate() {
        Path previousJars = PreviousRelease.jars();
        TestDatabase.Postgres suiteDatabase = assertInstanceOf(TestDatabase.Postgres.class,
                KeycloakTestServer.server().database(), "UpgradeIT runs on PostgreSQL only: add -Dit.h2.skip=true");
        TestDatabase.Postgres database = suiteDatabase.newDatabase("upgrade");
        Path home = KeycloakServer.copyOfDistribution("kc-upgrade");

        String realm;
        JsonNode policy;
        List<JsonNode> auditBefore;
        try (KeycloakServer previous = KeycloakServer.start(database, home, "upgrade-previous", previousJars,
                List.of())) {
            KeycloakApi api = new KeycloakApi(previous.baseUrl());
            realm = configuredAndUsed(api);
            policy = api.get(policyPath(realm), api.masterAdminToken()).json();
            auditBefore = new AuditLog(api, realm).events("max=500");
            assertTrue(new AuditLog(api, realm).verify().get("ok").asBoolean(), "the previous release's chain");
        }

        try (KeycloakServer current = KeycloakServer.start(database, home, "upgrade-current", List.of())) {
            KeycloakApi api = new KeycloakApi(current.baseUrl());

            assertEquals(ExtensionSchema.of(suiteDatabase), ExtensionSchema.of(database),
                    "Liquibase brings the extension's tables to what a new installation has");
            JsonNode policyNow = api.get(policyPath(realm), api.masterAdminToken()).json();
            assertEquals(policy.toPrettyString(), knownTo(policyNow, policy).toPrettyString(),
                    "every field the previous release showed reads back unchanged");
            TestRealm fresh = TestRealm.create(api, "fresh", Map.of());
            assertEquals(addedSince(api.get(policyPath(fresh.name()), api.masterAdminToken()).json(), policy)
                    .toPrettyString(), addedSince(policyNow, policy).toPrettyString(),
                    "the fields added since the previous release read as their defaults");
            configure(api, fresh.name(), policyNow);
            JsonNode upgraded = RealmConfiguration.of(api, realm);
            assertEquals(RealmConfiguration.of(api, fresh.name()).toPrettyString(), upgraded.toPrettyString(),
                    "the managed flows, client policies and realm settings are what this build writes for the policy");
            assertEquals(System.getProperty("it.release.version"), upgraded.at("/settings/attributes")
                    .path("securityCenter.configuredByRelease").asText(null), "the realm is marked with this release");
            List<JsonNode> upgrades = new AuditLog(api, realm).events("type=policy.updated&max=500").stream()
                    .filter(event -> "upgrade".equals(event.at("/details/source").asText())).toList();
            assertEquals(1, upgrades.size(), "the start-up upgrade is audited once: " + upgrades);
            assertEquals("0.1.0", upgrades.get(0).at("/details/fromRelease").asText(), upgrades.toString());
            assertEquals(0, upgrades.get(0).at("/details/changes").size(), "the upgrade changes no policy field");

            stillEnforced(api, realm);
            AuditLog audit = new AuditLog(api, realm);
            List<JsonNode> events = audit.events("max=500");
            assertTrue(events.size() > auditBefore.size(), "the sign-ins after the upgrade are audited");
            assertEquals(auditBefore, events.subList(events.size() - auditBefore.size(), events.size()),
                    "the previous release's events are kept as they were, oldest last");
            JsonNode verification = audit.verify();
            assertTrue(verification.get("ok").asBoolean(), verification.toString());
            assertEquals(events.size(), verification.get("checked").asInt(),
                    "the chain goes on from the previous release's events: " + verification);

            Response savedAsRead = api.put(policyPath(realm), api.masterAdminToken(), policy);
            assertEquals(200, savedAsRead.status(), "an API client of the previous release saves the document it"
                    + " read then: " + savedAsRead.body());
            assertEquals(withoutStamps(policyNow), withoutStamps(api.get(policyPath(realm), api.masterAdminToken())
                    .json()), "which changes nothing, the fields added since included");

            // the comparisons above notice what a release without its migration would leave behind
            Response unmigratedStep = api.post("/admin/realms/" + realm
                    + "/authentication/flows/security-center%20browser/executions/execution", api.masterAdminToken(),
                    Map.of("provider", "auth-spnego"));
            assertEquals(201, unmigratedStep.status(), unmigratedStep.body());
            assertNotEquals(RealmConfiguration.of(api, fresh.name()), RealmConfiguration.of(api, realm));
            addUnmigratedColumn(database);
            assertNotEquals(ExtensionSchema.of(suiteDatabase), ExtensionSchema.of(database));
        }
    }

    private static JsonNode withoutStamps(JsonNode policy) {
        return ((ObjectNode) policy.deepCopy()).without(List.of("configured", "updatedAt", "updatedBy"));
    }

    /** A policy document as a release that knew only {@code known}'s fields would show it. */
    private static JsonNode knownTo(JsonNode document, JsonNode known) {
        ObjectNode kept = KeycloakApi.JSON.createObjectNode();
        document.fields().forEachRemaining(field -> {
            JsonNode previous = known.get(field.getKey());
            if (previous != null) {
                kept.set(field.getKey(), previous.isObject() && field.getValue().isObject()
                        ? knownTo(field.getValue(), previous) : field.getValue());
            }
        });
        return kept;
    }

    /** The fields of a policy document that {@code known} (the previous release's) does not have. */
    private static JsonNode addedSince(JsonNode document, JsonNode known) {
        ObjectNode added = KeycloakApi.JSON.createObjectNode();
        document.fields().forEachRemaining(field -> {
            JsonNode previous = known.get(field.getKey());
            if (previous == null) {
                added.set(field.getKey(), field.getValue());
            } else if (previous.isObject() && field.getValue().isObject()
                    && !addedSince(field.getValue(), previous).isEmpty()) {
                added.set(field.getKey(), addedSince(field.getValue(), previous));
            }
        });
        return added;
    }

    private static void addUnmigratedColumn(TestDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + ExtensionSchema.table(connection, "sc_audit_event")
                    + " ADD COLUMN unmigrated VARCHAR(10)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A realm as the previous release leaves it: a policy away from the defaults on every section, an allowlist,
     * a user with an authenticator app, sign-ins and a failed one in the audit log.
     */
    private static String configuredAndUsed(KeycloakApi api) {
        TestRealm realm = TestRealm.create(api, "upgraded", Map.of());
        realm.createUser("ada", PASSWORD);
        realm.createUserWithTotp("bob", PASSWORD, TOTP_SECRET);
        realm.allowOnlyThisMachine();
        realm.changePolicy(policy -> {
            policy.withObjectProperty("password").put("minLength", 14).put("preventReuse", 5);
            policy.withObjectProperty("sessions").put("maxConcurrentSessions", 3);
            policy.withObjectProperty("lockout").put("maxFailures", 5).put("durationMinutes", 30);
            // passkeys too: their write-through needs the server's host name, which a start-up has no request for
            policy.withObjectProperty("mfa").put("enforcement", "OPTIONAL").putArray("methods").add("TOTP")
                    .add("EMAIL").add("PASSKEY");
            ((ArrayNode) policy.get("ipAllowlist").get("entries")).addObject()
                    .put("value", "10.20.0.0/16").put("label", "office");
        });
        api.token(realm.name(), "ada", PASSWORD);
        api.token(realm.name(), "bob", PASSWORD, Totp.unusedCode(TOTP_SECRET));
        assertEquals(400, api.passwordGrant(realm.name(), "ada", "wrong-password").status());
        return realm.name();
    }

    /**
     * A new realm given the upgraded realm's policy (as this build reads it) by this build: what the upgraded realm
     * must look like.
     */
    private static void configure(KeycloakApi api, String realm, JsonNode policy) {
        Response saved = api.put(policyPath(realm), api.masterAdminToken(), policy);
        assertEquals(200, saved.status(), saved.body());
    }

    /** The users sign in as before, the second factor and the allowlist still decide. */
    private static void stillEnforced(KeycloakApi api, String realm) {
        api.token(realm, "ada", PASSWORD);
        assertEquals(400, api.passwordGrant(realm, "bob", PASSWORD).status(), "bob's authenticator app is asked for");
        api.token(realm, "bob", PASSWORD, Totp.unusedCode(TOTP_SECRET));
        Response outside = new SourceBoundHttp(api.baseUrl(), "127.0.0.2").postForm(
                "/realms/" + realm + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "ada", "password", PASSWORD),
                Map.of());
        assertEquals(403, outside.status(), outside.body());
    }

    private static String policyPath(String realm) {
        return "/admin/realms/" + realm + "/security-center/policy";
    }
}
