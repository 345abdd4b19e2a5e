package dev.securitycenter.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Two Keycloak nodes clustered the way a production deployment is: Keycloak's embedded Infinispan, members found
 * through the shared PostgreSQL database (JDBC_PING), each node on its own ports and its own copy of the
 * distribution. Started for the test class that uses it and stopped after it.
 */
public final class KeycloakCluster implements BeforeAllCallback, AfterAllCallback {

    private static TestDatabase database;
    private static KeycloakServer nodeA;
    private static KeycloakServer nodeB;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.Postgres.start();
        try {
            nodeA = node("a");
            nodeB = node("b");
        } catch (RuntimeException e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (KeycloakServer node : new KeycloakServer[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
        nodeA = null;
        nodeB = null;
        if (database != null) {
            database.close();
            database = null;
        }
    }

    public static KeycloakApi nodeA() {
        return new KeycloakApi(nodeA.baseUrl());
    }

    public static KeycloakApi nodeB() {
        return new KeycloakApi(nodeB.baseUrl());
    }

    public static String nodeBUrl() {
        return nodeB.baseUrl();
    }

    private static KeycloakServer node(String name) {
        Path home = copyOfDistribution(name);
        return KeycloakServer.start(database, home, "cluster-node-" + name, List.of(
                "--cache=ispn",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + KeycloakServer.freePort()));
    }

    private static Path copyOfDistribution(String node) {
        return copyOfDistribution(Path.of(KeycloakServer.requiredProperty("it.keycloak.home")),
                Path.of(KeycloakServer.requiredProperty("it.log.dir"), "kc-cluster", "node-" + node));
    }

    /** Copies a distribution without its {@code data/}, skipping files an earlier copy already has. */
    static Path copyOfDistribution(Path source, Path target) {
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
}
