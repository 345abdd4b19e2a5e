package dev.securitycenter.mfa.smssender;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts {@code {"to": "+15551234567", "message": "..."}} as JSON to a gateway webhook:
 * {@code --spi-security-center-sms-sender--http--url=https://...} and optionally
 * {@code --spi-security-center-sms-sender--http--authorization="Bearer ..."} (sent as the Authorization header) and
 * {@code --spi-security-center-sms-sender--http--timeout-seconds=10}. Any 2xx answer counts as delivered.
 */
public class HttpSmsSenderFactory implements SmsSenderFactory {

    private URI url;
    private String authorization;
    private Duration timeout;
    private HttpClient client;

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("url");
        url = configured == null || configured.isBlank() ? null : URI.create(configured);
        authorization = config.get("authorization");
        timeout = Duration.ofSeconds(config.getLong("timeout-seconds", 10L));
        client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public SmsSender create(KeycloakSession session) {
        return this::post;
    }

    private void post(String phoneNumber, String message) {
        if (url == null) {
            throw new SmsException("No URL configured: set --spi-security-center-sms-sender--http--url", null);
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsonSerialization.writeValueAsString(
                            Map.of("to", phoneNumber, "message", message))));
            if (authorization != null && !authorization.isBlank()) {
                request.header("Authorization", authorization);
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new SmsException("SMS gateway answered " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new SmsException("SMS gateway not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("Interrupted while sending an SMS", e);
        }
    }

    @Override
    public String getId() {
        return "http";
    }
}
