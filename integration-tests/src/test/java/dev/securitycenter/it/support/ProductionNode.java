package dev.securitycenter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Keycloak node started the way the production guide says: {@code kc.sh start --optimized} on a distribution
 * {@link #build built} beforehand, HTTPS only on the test's certificate, a fixed public hostname (the proxy's),
 * forwarded headers trusted from the proxy's address only, clustered over the shared PostgreSQL database. It can be
 * stopped and started again on the same ports (a rolling restart).
 */
public final class ProductionNode implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final Path log;
    private final List<String> options;
    private final int httpsPort = KeycloakServer.freePort();
    private final int managementPort = KeycloakServer.freePort();
    private final HttpClient client;
    private KeycloakProcess process;

    private ProductionNode(Path home, String name, TestDatabase.Postgres database, TlsCertificate tls,
                           String publicUrl) {
        this.home = home;
        this.log = Path.of(KeycloakServer.requiredProperty("it.log.dir")).resolve("keycloak-" + name + ".log");
        this.client = HttpClient.newBuilder().sslContext(tls.clientContext())
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.options = List.of(
                "--hostname=" + publicUrl,
                "--https-port=" + httpsPort,
                "--https-certificate-file=" + tls.certificate(),
                "--https-certificate-key-file=" + tls.privateKey(),
                "--http-management-port=" + managementPort,
                "--proxy-headers=xforwarded",
                "--proxy-trusted-addresses=" + ReverseProxy.PROXY_ADDRESS,
                "--db-url=" + database.jdbcUrl(), "--db-username=postgres", "--db-password=postgres",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + KeycloakServer.freePort(),
                "--import-realm");
    }

    /**
     * A fresh copy of the unpacked distribution with the extension installed, augmented once by {@code kc.sh
     * build} with the build-time options of the production guide. Nodes are copies of it.
     */
    public static Path build(Path target) {
        KeycloakServer.deleteRecursively(target);
        Path home = KeycloakServer.copyOfDistribution(
                Path.of(KeycloakServer.requiredProperty("it.keycloak.home")), target);
        KeycloakServer.installExtension(home, KeycloakServer.builtJars());
        run(home, home.resolve("build.log"), List.of(home.resolve("bin/kc.sh").toString(), "build",
                "--db=postgres", "--health-enabled=true", "--metrics-enabled=true", "--cache=ispn"));
        return home;
    }

    /** A node on its own copy of the built distribution, started and ready. */
    public static ProductionNode start(Path built, String name, TestDatabase.Postgres database,
                                       TlsCertificate tls, String publicUrl) {
        Path home = built.resolveSibling(name);
        KeycloakServer.deleteRecursively(home);
        copyTree(built, home);
        ProductionNode node = new ProductionNode(home, name, database, tls, publicUrl);
        // a killed test JVM must not leave a node behind on its ports
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "stop-" + name));
        node.start();
        return node;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** The node itself, not through the proxy. */
    public String directUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** Keycloak's management interface: health and metrics. */
    public String managementUrl() {
        return "https://localhost:" + managementPort;
    }

    public void start() {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized"));
        command.addAll(options);
        process = KeycloakProcess.start(home, command, log, true);
        // during bootstrap Keycloak answers 503: ready is what its readiness check says, not any answer
        process.awaitReady(client, URI.create(managementUrl() + "/health/ready"), STARTUP_TIMEOUT,
                Duration.ofMillis(500));
    }

    /** A graceful stop (SIGTERM), as an orchestrator does before replacing a node. */
    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
        }
    }

    private static void run(Path home, Path output, List<String> command) {
        try {
            Process build = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException(command + " failed:\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path source, Path target) {
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    // the times too: an optimized start refuses provider jars newer than its build
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
