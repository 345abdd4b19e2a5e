package dev.securitycenter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code kc.sh} of one distribution running as a child process with the test's bootstrap admin, its console output
 * in a log file: what the development server ({@link KeycloakServer}) and a production node ({@link ProductionNode})
 * share, so both start, wait and stop the same way.
 */
final class KeycloakProcess {

    private final Process process;
    private final Path log;

    private KeycloakProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs {@code command} in {@code home}; a restarted node appends to its log, a new server starts a new one. */
    static KeycloakProcess start(Path home, List<String> command, Path log, boolean appendToLog) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        // e.g. -Dit.keycloak.javaOpts=-XX:StartFlightRecording=... to profile the server under a benchmark
        String javaOpts = System.getProperty("it.keycloak.javaOpts");
        if (javaOpts != null) {
            builder.environment().put("JAVA_OPTS_APPEND", javaOpts);
        }
        try {
            return new KeycloakProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    /**
     * Waits until {@code probe} answers 200 (what "ready" means is the caller's: a realm served, or the readiness
     * check); a server that exits or is not ready in time fails with the end of its log.
     */
    void awaitReady(HttpClient client, URI probe, Duration timeout, Duration interval) {
        HttpRequest request = HttpRequest.newBuilder(probe).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(interval);
        }
        stop(Duration.ofSeconds(30));
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "\n" + logTail());
    }

    /** A graceful stop (SIGTERM to kc.sh and the JVM it started), forced after {@code grace}. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
