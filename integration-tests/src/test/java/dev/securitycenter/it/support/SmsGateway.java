package dev.securitycenter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake SMS gateway on 127.0.0.1 for the test server's webhook sender: it takes every {@code {to, message}} POST
 * and lets tests read the codes sent to a number.
 */
public final class SmsGateway implements AutoCloseable {

    /** {@code received} is when the gateway got it, so no later than the server sent the code plus the round trip. */
    public record Sms(String to, String message, Instant received) {
    }

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final HttpServer server;
    private final List<Sms> received = new CopyOnWriteArrayList<>();

    private SmsGateway(HttpServer server) {
        this.server = server;
    }

    public static SmsGateway start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SmsGateway gateway = new SmsGateway(server);
            server.createContext("/sms", exchange -> {
                JsonNode body = KeycloakApi.JSON.readTree(exchange.getRequestBody());
                gateway.received.add(new Sms(body.path("to").asText(), body.path("message").asText(), Instant.now()));
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    public List<Sms> to(String number) {
        return received.stream().filter(sms -> sms.to().equals(number)).toList();
    }

    /** The code of the {@code n}-th message (1-based) to a number, waiting up to 10 seconds for it. */
    public String awaitCode(String number, int n) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<Sms> messages = to(number);
            if (messages.size() >= n) {
                Matcher code = CODE.matcher(messages.get(n - 1).message());
                if (!code.find()) {
                    throw new AssertionError("No code in " + messages.get(n - 1));
                }
                return code.group(1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No SMS number " + n + " to " + number + "; received " + received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
