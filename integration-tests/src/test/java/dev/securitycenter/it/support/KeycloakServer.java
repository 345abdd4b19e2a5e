package dev.securitycenter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Keycloak distribution started as a child process with the extension's jars (this build's, or an earlier
 * release's), on free ports, so it never collides with a demo server on 8080. Its console output is kept in
 * {@code target/keycloak-<name>.log}.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(6);
    public static final String TRUSTED_PROXY = "127.0.0.3";
    public static final int TOTP_SETUP_SECONDS = 25;
    public static final int CODE_TTL_SECONDS = 20;
    public static final int BREACH_TIMEOUT_MILLIS = 2_500;

    private final TestDatabase database;
    private final Path home;
    private final Path log;
    private final List<String> extraOptions;
    private final int httpPort;
    private final int managementPort;
    private final SmsGateway smsGateway = SmsGateway.start();
    private final PwnedPasswordsStub pwnedPasswords = PwnedPasswordsStub.start();
    private KeycloakProcess process;

    private KeycloakServer(TestDatabase database, Path home, String name, List<String> extraOptions) {
        this.database = database;
        this.home = home;
        this.log = Path.of(requiredProperty("it.log.dir")).resolve("keycloak-" + name + ".log");
        this.extraOptions = extraOptions;
        this.httpPort = freePort();
        this.managementPort = freePort();
    }

    /** The test run's server: the distribution unpacked for this database, with the demo and test realms. */
    public static KeycloakServer start(TestDatabase database) {
        return start(database, Path.of(requiredProperty("it.keycloak.home")), database.name(), List.of());
    }

    /** A server from another copy of the distribution (a cluster node), with extra start options. */
    public static KeycloakServer start(TestDatabase database, Path home, String name, List<String> extraOptions) {
        return start(database, home, name, builtJars(), extraOptions);
    }

    /** A server with other extension jars than this build's (an earlier release's, for the upgrade test). */
    public static KeycloakServer start(TestDatabase database, Path home, String name, Path jars,
                                       List<String> extraOptions) {
        KeycloakServer server = new KeycloakServer(database, home, name, extraOptions);
        installExtension(home, jars);
        server.launch();
        return server;
    }

    /** The jars this build made. */
    static Path builtJars() {
        return Path.of(requiredProperty("it.providers.dir"));
    }

    /** The server's console output. */
    public Path logFile() {
        return log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Keycloak's Prometheus endpoint, on the management port (served while metrics are enabled). */
    public String metricsUrl() {
        return "http://127.0.0.1:" + managementPort + "/metrics";
    }

    /** Where the server's SMS webhook sender delivers. */
    public SmsGateway smsGateway() {
        return smsGateway;
    }

    /** Where the server's breached-password check asks (the range API's stub). */
    public PwnedPasswordsStub pwnedPasswords() {
        return pwnedPasswords;
    }

    public TestDatabase database() {
        return database;
    }

    /**
     * Puts the extension's jars into {@code providers/} and the geolocation files and realms to import into
     * {@code data/}, replacing what an earlier run left there.
     */
    static void installExtension(Path home, Path jars) {
        try {
            deleteRecursively(home.resolve("data"));
            Path providers = home.resolve("providers");
            try (Stream<Path> old = Files.list(providers)) {
                for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.delete(jar);
                }
            }
            try (Stream<Path> files = Files.list(jars)) {
                for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path geolocation = Files.createDirectories(home.resolve("data/geolocation"));
            try (Stream<Path> files = Files.list(Path.of(requiredProperty("it.geolocation.dir")))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".mmdb")).toList()) {
                    Files.copy(file, geolocation.resolve(file.getFileName()));
                }
            }
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(Path.of(requiredProperty("it.realm.dir"), "acme-realm.json"), imports.resolve("acme-realm.json"));
            try (Stream<Path> realms = Files.list(Path.of("src/test/resources/realms"))) {
                for (Path realm : realms.toList()) {
                    Files.copy(realm, imports.resolve(realm.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + home, e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--import-realm",
                // Keycloak's Prometheus endpoint on the management port, where the extension's meters are scraped
                // (a build option: start-dev rebuilds with it)
                "--metrics-enabled=true",
                // dual-stack, so tests can also connect from ::1 (IPv4 clients are still reported as 127.0.0.x)
                "--http-host=::",
                // forwarded headers count only from the "proxy" at 127.0.0.3, as behind a real load balancer
                "--proxy-headers=xforwarded",
                "--proxy-trusted-addresses=" + TRUSTED_PROXY,
                // the retention test cannot wait six hours for the purge
                "--spi-events-listener--security-center-audit--purge-interval-minutes=1",
                // the expiry of a pending authenticator set-up is tested by waiting it out
                "--spi-realm-restapi-extension--security-center--totp-setup-seconds=" + TOTP_SETUP_SECONDS,
                // SMS codes go to the fake gateway; codes live 20 s so the expiry test need not wait five minutes
                "--spi-security-center-sms-sender--provider=http",
                "--spi-security-center-sms-sender--http--url=" + smsGateway.url(),
                "--spi-authenticator--security-center-sms-code--code-ttl-seconds=" + CODE_TTL_SECONDS,
                "--spi-authenticator--security-center-email-code--code-ttl-seconds=" + CODE_TTL_SECONDS,
                // nothing reaches the internet: breach checks ask the local stub, and give up after 2.5 s
                // (generous, as the machine may be busy; the slow stub answers later still)
                "--spi-security-center-breached-passwords--pwned-passwords--base-url=" + pwnedPasswords.baseUrl(),
                "--spi-security-center-breached-passwords--pwned-passwords--timeout-millis=" + BREACH_TIMEOUT_MILLIS));
        command.addAll(database.keycloakOptions());
        // an extra option replaces the default of the same name (e.g. the logging SMS sender instead of the webhook)
        List<String> replaced = extraOptions.stream().map(KeycloakServer::optionName).toList();
        command.removeIf(option -> replaced.contains(optionName(option)));
        command.addAll(extraOptions);
        process = KeycloakProcess.start(home, command, log, false);
        // a killed test JVM must not leave a server behind on its ports
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-keycloak"));
        try {
            // ready means the demo realm is imported and served, not only that the port is open
            process.awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                    URI.create(baseUrl() + "/realms/acme"), STARTUP_TIMEOUT, Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        smsGateway.close();
        pwnedPasswords.close();
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /**
     * A copy of the test distribution under the build directory (without its data; providers refreshed), for a
     * server of its own: a cluster node, or a server started with other options.
     */
    public static Path copyOfDistribution(String directory) {
        return copyOfDistribution(Path.of(requiredProperty("it.keycloak.home")),
                Path.of(requiredProperty("it.log.dir")).resolve(directory));
    }

    /** Copies a distribution without its {@code data/}, skipping files an earlier copy already has. */
    public static Path copyOfDistribution(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path relative = source.relativize(file);
                if (relative.startsWith("data")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!Files.exists(copy) || Files.size(copy) != Files.size(file)
                        || relative.startsWith("providers")) {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the distribution to " + target, e);
        }
    }

    /** {@code --name} of {@code --name=value}; anything else (the command, a bare word) is its own name. */
    private static String optionName(String argument) {
        int equals = argument.indexOf('=');
        return argument.startsWith("--") && equals > 0 ? argument.substring(0, equals) : argument;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }

    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests with mvn verify");
        }
        return value;
    }
}
