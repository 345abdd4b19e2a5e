package dev.securitycenter.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Boots one Keycloak (and its database) per test JVM, the first time any test class asks for it, and stops both
 * when the whole run ends. Failsafe runs one JVM per database, so the suite boots once per database.
 */
public final class KeycloakTestServer implements BeforeAllCallback {

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (KeycloakTestServer.class) {
            if (running == null) {
                running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
            }
        }
    }

    /** The running server's API helper; only valid inside a class extended with this extension. */
    public static KeycloakApi api() {
        if (running == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(KeycloakTestServer.class)");
        }
        return running.api;
    }

    public static KeycloakServer server() {
        api();
        return running.server;
    }

    private record Running(TestDatabase database, KeycloakServer server, KeycloakApi api)
            implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            TestDatabase database = TestDatabase.fromSystemProperty();
            try {
                KeycloakServer server = KeycloakServer.start(database);
                return new Running(database, server, new KeycloakApi(server.baseUrl()));
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                database.close();
            }
        }
    }
}
