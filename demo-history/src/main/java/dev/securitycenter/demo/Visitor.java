package dev.securitycenter.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Someone at a {@link Place} with a {@link Browser}. Each request reaches Keycloak through the demo's trusted proxy:
 * it leaves from the proxy's loopback address (the only one whose forwarded headers Keycloak believes) and says
 * what a TLS-terminating load balancer says: the client's address and that the client spoke HTTPS. Plain HTTP/1.1
 * on a socket, because Java 17's HttpClient cannot choose the address it connects from.
 */
final class Visitor {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String proxyAddress;
    private final Place place;
    private final Browser browser;

    Visitor(String baseUrl, String proxyAddress, Place place, Browser browser) {
        this.server = URI.create(baseUrl);
        this.proxyAddress = proxyAddress;
        this.place = place;
        this.browser = browser;
    }

    Place place() {
        return place;
    }

    Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, null, "application/x-www-form-urlencoded", body);
    }

    Response postJson(String path, String token, Object body) {
        return send("POST", path, token, "application/json", body == null ? "" : toJson(body));
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    private Response send(String method, String path, String token, String contentType, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", server.getHost() + ":" + server.getPort());
        headers.put("Connection", "close");
        headers.put("Accept", "application/json");
        headers.put("User-Agent", browser.userAgent());
        headers.put("X-Forwarded-For", place.address());
        headers.put("X-Forwarded-Proto", "https");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
            headers.put("Content-Length", String.valueOf(payload.length));
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(proxyAddress, 0));
            // the proxy's address is on the IPv4 loopback, so the server is reached there whatever its name
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            return Response.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " from " + place, e);
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Response(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (HTTP " + status + "): " + body, e);
            }
        }

        static Response parse(byte[] raw) throws IOException {
            int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String[] head = new String(raw, 0, split, StandardCharsets.US_ASCII).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            boolean chunked = false;
            for (int i = 1; i < head.length; i++) {
                String line = head[i].toLowerCase();
                chunked |= line.startsWith("transfer-encoding:") && line.contains("chunked");
            }
            InputStream rest = new ByteArrayInputStream(raw, split + 4, raw.length - split - 4);
            byte[] body = chunked ? dechunk(rest) : rest.readAllBytes();
            return new Response(status, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                StringBuilder size = new StringBuilder();
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                int length = size.length() == 0 ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                if (length == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(length));
                in.skip(2);
            }
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            for (int i = 0; i + pattern.length <= data.length; i++) {
                int j = 0;
                while (j < pattern.length && data[i + j] == pattern[j]) {
                    j++;
                }
                if (j == pattern.length) {
                    return i;
                }
            }
            throw new IllegalStateException("No HTTP header end in the answer");
        }
    }
}
