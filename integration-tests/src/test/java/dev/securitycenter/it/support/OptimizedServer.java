package dev.securitycenter.it.support;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;

/**
 * Keycloak as the production guide runs it, for the sign-in harnesses: a distribution built with {@code kc.sh
 * build}, one node started with {@code start --optimized} on HTTPS behind nginx terminating TLS, on a PostgreSQL
 * server that counts the statements it runs ({@link TestDatabase.Postgres#startCountingStatements()}). One node,
 * so that the figures are Keycloak's and the extension's, not the cluster's.
 */
public final class OptimizedServer implements AutoCloseable {

    private final TestDatabase.Postgres database;
    private TlsCertificate tls;
    private ProductionNode node;
    private ReverseProxy proxy;
    private String publicUrl;

    private OptimizedServer(TestDatabase.Postgres database) {
        this.database = database;
    }

    public static OptimizedServer start() {
        Path root = Path.of(KeycloakServer.requiredProperty("it.log.dir"), "optimized-bench");
        OptimizedServer server = new OptimizedServer(TestDatabase.Postgres.startCountingStatements());
        try {
            server.tls = TlsCertificate.generate(root.resolve("tls"));
            int proxyPort = KeycloakServer.freePort();
            server.publicUrl = ReverseProxy.url(proxyPort);
            Path built = ProductionNode.build(root.resolve("built"));
            server.node = ProductionNode.start(built, "optimized-bench", server.database, server.tls,
                    server.publicUrl);
            server.proxy = ReverseProxy.start(root.resolve("nginx"), server.tls, proxyPort,
                    List.of(server.node.httpsPort()));
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** The admin and token endpoints as clients reach them: through the proxy. */
    public KeycloakApi api() {
        return new KeycloakApi(publicUrl, tls.clientContext());
    }

    /** A client for {@link BrowserSession}s through the proxy. */
    public HttpClient browserClient() {
        return BrowserSession.https(tls.clientContext());
    }

    public TestDatabase.Postgres database() {
        return database;
    }

    @Override
    public void close() {
        try {
            if (proxy != null) {
                proxy.close();
            }
            if (node != null) {
                node.close();
            }
        } finally {
            database.close();
        }
    }
}
