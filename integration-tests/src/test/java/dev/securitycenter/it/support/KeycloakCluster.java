package dev.securitycenter.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.List;

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
        Path home = KeycloakServer.copyOfDistribution("kc-cluster/node-" + name);
        return KeycloakServer.start(database, home, "cluster-node-" + name, List.of(
                "--cache=ispn",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + KeycloakServer.freePort()));
    }
}
