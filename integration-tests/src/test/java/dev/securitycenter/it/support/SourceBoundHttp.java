package dev.securitycenter.it.support;

import dev.securitycenter.it.support.KeycloakApi.Response;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Minimal HTTP/1.1 over a socket bound to a chosen local address (127.0.0.2, ::1, …), so tests can reach the server
 * "from another machine" on loopback. Java 17's HttpClient cannot choose its source address.
 */
public final class SourceBoundHttp {

    private final String baseUrl;
    private final String sourceAddress;
    private final SSLSocketFactory tls;

    public SourceBoundHttp(String baseUrl, String sourceAddress) {
        this(baseUrl, sourceAddress, null);
    }

    /** The same over HTTPS, trusting what the given context trusts. */
    public SourceBoundHttp(String baseUrl, String sourceAddress, SSLContext tls) {
        this.baseUrl = baseUrl;
        this.sourceAddress = sourceAddress;
        this.tls = tls == null ? null : tls.getSocketFactory();
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null, null);
    }

    public Response postForm(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", path, headers, "application/x-www-form-urlencoded", body);
    }

    private Response send(String method, String path, Map<String, String> headers, String contentType,
                          String body) {
        URI uri = URI.create(baseUrl + path);
        String host = uri.getHost().replace("[", "").replace("]", "");
        try (Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress(sourceAddress, 0));
            plain.connect(new InetSocketAddress(host, uri.getPort()), 5000);
            plain.setSoTimeout(30_000);
            Socket socket = tls == null ? plain : tls.createSocket(plain, uri.getHost(), uri.getPort(), true);
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", uri.getHost() + ":" + uri.getPort());
            all.put("Connection", "close");
            all.put("Accept", "application/json, text/html");
            if (contentType != null) {
                all.put("Content-Type", contentType);
                all.put("Content-Length", String.valueOf(payload.length));
            }
            all.putAll(headers);
            StringBuilder head = new StringBuilder(method + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
            all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] headLines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(headLines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < headLines.length; i++) {
            int colon = headLines[i].indexOf(':');
            headers.put(headLines[i].substring(0, colon).trim().toLowerCase(), headLines[i].substring(colon + 1).trim());
        }
        byte[] rest = text.substring(split + 4).getBytes(StandardCharsets.UTF_8);
        String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                ? dechunk(new java.io.ByteArrayInputStream(rest)) : new String(rest, StandardCharsets.UTF_8);
        return new Response(status, body, headers.get("location"), headers.get("content-type"));
    }

    private static String dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.write(in.readNBytes(length));
            in.read();
            in.read();
        }
    }
}
