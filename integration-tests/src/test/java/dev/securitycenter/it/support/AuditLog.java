package dev.securitycenter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.KeycloakApi.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads a realm's audit log through the extension's admin API as the master admin. */
public final class AuditLog {

    private final KeycloakApi api;
    private final String realm;

    public AuditLog(KeycloakApi api, String realm) {
        this.api = api;
        this.realm = realm;
    }

    public String path() {
        return "/admin/realms/" + realm + "/security-center/audit";
    }

    /** Events matching a raw query string such as {@code type=auth.login_failed&user=jsmith}, newest first. */
    public List<JsonNode> events(String query) {
        Response response = api.get(path() + (query.isEmpty() ? "" : "?" + query), api.masterAdminToken());
        assertEquals(200, response.status(), response.body());
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    /**
     * The newest event of a type about a user, waiting briefly: some of Keycloak's events (brute-force lockouts)
     * are recorded by a transaction that finishes just after the HTTP response.
     */
    public JsonNode awaitEvent(String type, String username, Predicate<JsonNode> matching) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        List<JsonNode> events = List.of();
        while (Instant.now().isBefore(deadline)) {
            events = events("type=" + type + "&max=500");
            for (JsonNode event : events) {
                boolean sameUser = username == null || username.equals(event.path("username").asText(null));
                if (sameUser && matching.test(event)) {
                    return event;
                }
            }
            sleep();
        }
        throw new AssertionError("No " + type + " event for " + username + " in " + events);
    }

    public JsonNode awaitEvent(String type, String username) {
        return awaitEvent(type, username, e -> true);
    }

    public JsonNode verify() {
        Response response = api.get(path() + "/verify", api.masterAdminToken());
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
