package dev.securitycenter.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code demo.sh} does once Keycloak is up: waits until the demo realm is served, makes the Security Center
 * admin console the master realm's, and at the first start (the demo realm's policy never set up) gives the demo
 * realm its recent history and the bootstrap admin sessions in two cities. It signs itself out afterwards, so it
 * leaves no session of its own behind.
 *
 * <p>Arguments: the server's base URL, the demo realm, the trusted proxy's address; the bootstrap admin from
 * {@code KC_BOOTSTRAP_ADMIN_USERNAME} / {@code KC_BOOTSTRAP_ADMIN_PASSWORD}.
 */
public final class DemoSetup {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String realm;
    private final String proxyAddress;
    private final String adminUser;
    private final String adminPassword;

    private DemoSetup(String baseUrl, String realm, String proxyAddress, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.proxyAddress = proxyAddress;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("Usage: java -jar security-center-demo-history-*-cli.jar <base URL> <realm> "
                    + "<trusted proxy address>");
            System.exit(2);
        }
        new DemoSetup(args[0], args[1], args[2], environment("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                environment("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")).run();
    }

    private void run() {
        awaitRealm();
        JsonNode tokens = masterAdminTokens();
        String token = tokens.get("access_token").asText();
        try {
            expect(204, send(json("PUT", "/admin/realms/master", token, "{\"adminTheme\":\"security-center\"}")),
                    "make the Security Center admin console the master realm's");
            JsonNode policy = Visitor.JSON.readTree(expect(200, send(json("GET",
                    "/admin/realms/" + realm + "/security-center/policy", token, null)), "read the policy").body());
            if (policy.get("configured").asBoolean()) {
                System.out.println("==> The " + realm + " realm has its policy and history already "
                        + "(mvn clean starts over)");
                return;
            }
            System.out.println("==> Giving the " + realm + " realm its policy and a recent history through "
                    + "Keycloak's endpoints");
            new DemoHistory(baseUrl, realm, proxyAddress).seed();
            signInBootstrapAdmin(Place.DUBLIN, Browser.FIREFOX_ON_LINUX);
            signInBootstrapAdmin(Place.WARSAW, Browser.EDGE_ON_WINDOWS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            signOut(tokens.get("refresh_token").asText());
        }
    }

    private void signInBootstrapAdmin(Place place, Browser browser) {
        DemoHistory.signIn(new Visitor(baseUrl, proxyAddress, place, browser), "master", adminUser, adminPassword,
                null);
    }

    /** Ready means the demo realm is imported and served, not only that the port is open. */
    private void awaitRealm() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("Keycloak did not serve the " + realm + " realm within " + STARTUP_TIMEOUT);
    }

    private JsonNode masterAdminTokens() {
        HttpResponse<String> answer = send(form("/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", adminUser, "password", adminPassword)));
        try {
            return Visitor.JSON.readTree(expect(200, answer, "sign in as the bootstrap admin " + adminUser).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signOut(String refreshToken) {
        send(form("/realms/master/protocol/openid-connect/logout", Map.of(
                "client_id", "admin-cli", "refresh_token", refreshToken)));
    }

    private HttpRequest form(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest json(String method, String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> answer, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + ", got " + answer.statusCode() + " "
                    + answer.body());
        }
        return answer;
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
