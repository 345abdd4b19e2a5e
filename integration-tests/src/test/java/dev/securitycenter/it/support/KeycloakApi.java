package dev.securitycenter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP against the test server: tokens from real password grants and JSON calls with bearer tokens. */
public final class KeycloakApi {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;

    public KeycloakApi(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder());
    }

    /** An HTTPS server whose certificate the given context trusts (the production test's own certificate). */
    public KeycloakApi(String baseUrl, SSLContext tls) {
        this(baseUrl, HttpClient.newBuilder().sslContext(tls));
    }

    private KeycloakApi(String baseUrl, HttpClient.Builder http) {
        this.baseUrl = baseUrl;
        this.http = http.connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A token of the bootstrap admin of the master realm. */
    public String masterAdminToken() {
        return token("master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
    }

    public String token(String realm, String username, String password) {
        return accessToken(username, passwordGrant(realm, username, password, null));
    }

    /** A password grant for a user with TOTP: the direct-grant flow asks for a current code. */
    public String token(String realm, String username, String password, String totp) {
        return accessToken(username, passwordGrant(realm, username, password, totp));
    }

    /** A password grant through admin-cli as a script would make it, whatever the answer. */
    public Response passwordGrant(String realm, String username, String password) {
        return passwordGrant(realm, username, password, null);
    }

    /** A password grant asking for an offline token (a session of its own that survives sign-out). */
    public Response offlineGrant(String realm, String username, String password) {
        Map<String, String> form = passwordForm(username, password, null);
        form.put("scope", "openid offline_access");
        return postForm("/realms/" + realm + "/protocol/openid-connect/token", form);
    }

    /** A refresh-token grant for a token admin-cli was given. */
    public Response refresh(String realm, String refreshToken) {
        return postForm("/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", "admin-cli", "refresh_token", refreshToken));
    }

    private Response passwordGrant(String realm, String username, String password, String totp) {
        return postForm("/realms/" + realm + "/protocol/openid-connect/token", passwordForm(username, password, totp));
    }

    private static Map<String, String> passwordForm(String username, String password, String totp) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", username);
        form.put("password", password);
        if (totp != null) {
            form.put("totp", totp);
        }
        return form;
    }

    private static String accessToken(String username, Response response) {
        if (response.status() != 200) {
            throw new AssertionError("Password grant for " + username + " failed: " + response);
        }
        return response.json().get("access_token").asText();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response delete(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public record Response(int status, String body, String location, String contentType) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }
}
