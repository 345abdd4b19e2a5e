package dev.securitycenter.it.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Have I Been Pwned range API on 127.0.0.1 for the test servers: {@code GET /range/{5 hex digits}} answers, as the
 * real API does, one {@code SUFFIX:COUNT} line per breached password whose SHA-1 starts with that prefix (uppercase
 * hex, CRLF), plus padding lines with count 0 when asked with {@code Add-Padding: true}. Tests declare the breached
 * passwords, and may make the answer for one password's prefix arrive too late.
 */
public final class PwnedPasswordsStub implements AutoCloseable {

    /** One request the server made: the prefix and whether it asked for padding. */
    public record Request(String prefix, boolean padded) {
    }

    private static final int PADDING_LINES = 40;
    /** How late a slow answer comes: well beyond the server's timeout. */
    public static final long SLOW_MILLIS = 8_000;

    private final HttpServer server;
    private final Map<String, Integer> breached = new ConcurrentHashMap<>();
    private final Set<String> slowPrefixes = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private PwnedPasswordsStub(HttpServer server) {
        this.server = server;
    }

    public static PwnedPasswordsStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            PwnedPasswordsStub stub = new PwnedPasswordsStub(server);
            server.createContext("/range/", stub::answer);
            // slow answers must not hold up the others
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server option's value: requests go to this plus the prefix. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/range/";
    }

    public void breached(String password, int count) {
        breached.put(sha1(password), count);
    }

    /** The answer for this password's prefix arrives after the server's timeout. */
    public void slowFor(String password) {
        slowPrefixes.add(sha1(password).substring(0, 5));
    }

    public List<Request> requestsFor(String password) {
        String prefix = sha1(password).substring(0, 5);
        return requests.stream().filter(r -> r.prefix().equals(prefix)).toList();
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
        boolean padded = "true".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Add-Padding"));
        requests.add(new Request(prefix, padded));
        if (!prefix.matches("[0-9A-F]{5}")) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        if (slowPrefixes.contains(prefix)) {
            try {
                Thread.sleep(SLOW_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        StringBuilder body = new StringBuilder();
        breached.forEach((hash, count) -> {
            if (hash.startsWith(prefix)) {
                body.append(hash.substring(5)).append(':').append(count).append("\r\n");
            }
        });
        if (padded) {
            for (int i = 0; i < PADDING_LINES; i++) {
                body.append(sha1(prefix + "-padding-" + i).substring(5)).append(":0\r\n");
            }
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        try {
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the server gave up waiting (timeout tests)
        }
        exchange.close();
    }

    public static String sha1(String password) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
