package dev.securitycenter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx in front of the Keycloak nodes, as a customer runs it: it terminates TLS on a free port, passes
 * requests on over TLS to whichever node answers, and tells Keycloak who the client is. Run as a child process
 * with its configuration, logs and pid file under {@code target/}, no privileged port and nothing in /etc.
 */
public final class ReverseProxy implements AutoCloseable {

    /** The address nginx connects to the nodes from: the only one Keycloak takes forwarded headers from. */
    public static final String PROXY_ADDRESS = "127.0.0.3";
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path directory;
    private final int port;
    private Process process;

    private ReverseProxy(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** nginx on the given port, balancing over the nodes' HTTPS ports on 127.0.0.1. */
    public static ReverseProxy start(Path directory, TlsCertificate tls, int port, List<Integer> nodePorts) {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("nginx is not installed: apt-get install -y nginx (.ci/run does)");
        }
        ReverseProxy proxy = new ReverseProxy(directory, port);
        proxy.writeConfiguration(tls, nodePorts);
        proxy.launch();
        return proxy;
    }

    /** The public address of a deployment behind a proxy on this port: the nodes' {@code --hostname}. */
    public static String url(int port) {
        return "https://localhost:" + port;
    }

    private void writeConfiguration(TlsCertificate tls, List<Integer> nodePorts) {
        String upstreams = nodePorts.stream()
                // never marked down: with passive checks only, a stopping node and one busy answer on the other
                // would mark both and leave "no live upstreams" (502) for everyone; a refused try costs little
                .map(p -> "    server 127.0.0.1:" + p + " max_fails=0;")
                .collect(Collectors.joining("\n"));
        String config = """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                  # each request's time, and the upstream's, in seconds: where a benchmark's time goes, per step
                  log_format timed '$msec $request_time $upstream_response_time "$request" $status $body_bytes_sent';
                  access_log %1$s/access.log timed;
                  client_body_temp_path %1$s/client_body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  # responses are streamed, never spooled to disk (the worker may not own target/)
                  proxy_max_temp_file_size 0;
                  client_body_buffer_size 1m;
                  upstream keycloak {
                %2$s
                  }
                  server {
                    listen 127.0.0.1:%3$d ssl;
                    ssl_certificate %4$s;
                    ssl_certificate_key %5$s;
                    location / {
                      proxy_pass https://keycloak;
                      proxy_bind %6$s;
                      proxy_ssl_verify on;
                      proxy_ssl_trusted_certificate %4$s;
                      proxy_ssl_name localhost;
                      # nginx has no active health checks: a node that refuses connections (stopped) or answers 503
                      # (still bootstrapping, which it does before handling anything) is skipped for the other node
                      proxy_next_upstream error http_503 non_idempotent;
                      proxy_set_header Host $http_host;
                      # set, never appended to: whatever X-Forwarded-For the client sent is dropped here
                      proxy_set_header X-Forwarded-For $remote_addr;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_set_header X-Forwarded-Host $host;
                      proxy_set_header X-Forwarded-Port $server_port;
                      # Keycloak's sign-in answers carry large cookies
                      proxy_buffer_size 64k;
                      proxy_buffers 8 64k;
                      proxy_busy_buffers_size 128k;
                    }
                  }
                }
                """.formatted(directory, upstreams, port, tls.certificate(), tls.privateKey(), PROXY_ADDRESS);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("nginx.conf"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        List<String> command = List.of(NGINX.toString(), "-p", directory.toString(),
                "-c", directory.resolve("nginx.conf").toString(), "-e", directory.resolve("error.log").toString());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("nginx.out").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-nginx"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("error.log")) + Files.readString(directory.resolve("nginx.out"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        // SIGTERM: nginx's fast shutdown of master and workers
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
