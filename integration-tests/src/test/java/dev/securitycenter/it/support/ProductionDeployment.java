package dev.securitycenter.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.List;

/**
 * The deployment the production guide describes, for the test class that uses it: PostgreSQL, a distribution
 * built with {@code kc.sh build}, two clustered nodes started with {@code start --optimized} on HTTPS, and nginx
 * terminating TLS in front of them on a public hostname.
 */
public final class ProductionDeployment implements BeforeAllCallback, AfterAllCallback {

    private static TestDatabase.Postgres database;
    private static TlsCertificate tls;
    private static ProductionNode nodeA;
    private static ProductionNode nodeB;
    private static ReverseProxy proxy;
    private static String publicUrl;

    @Override
    public void beforeAll(ExtensionContext context) {
        Path root = Path.of(KeycloakServer.requiredProperty("it.log.dir"), "production");
        database = TestDatabase.Postgres.start();
        try {
            tls = TlsCertificate.generate(root.resolve("tls"));
            int proxyPort = KeycloakServer.freePort();
            publicUrl = ReverseProxy.url(proxyPort);
            Path built = ProductionNode.build(root.resolve("built"));
            nodeA = ProductionNode.start(built, "production-a", database, tls, publicUrl);
            nodeB = ProductionNode.start(built, "production-b", database, tls, publicUrl);
            proxy = ReverseProxy.start(root.resolve("nginx"), tls, proxyPort,
                    List.of(nodeA.httpsPort(), nodeB.httpsPort()));
        } catch (RuntimeException e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
        for (ProductionNode node : new ProductionNode[] {nodeB, nodeA}) {
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

    /** The public URL, https on the proxy. */
    public static String publicUrl() {
        return publicUrl;
    }

    /** The admin and user APIs as clients reach them: through the proxy. */
    public static KeycloakApi api() {
        return new KeycloakApi(publicUrl, tls.clientContext());
    }

    /** Trusts the deployment's certificate (and nothing else). */
    public static javax.net.ssl.SSLContext tls() {
        return tls.clientContext();
    }

    /** HTTPS through the proxy from a chosen loopback address. */
    public static SourceBoundHttp through(String clientAddress) {
        return new SourceBoundHttp(publicUrl, clientAddress, tls.clientContext());
    }

    /** HTTPS straight to node A, bypassing the proxy, from a chosen loopback address. */
    public static SourceBoundHttp directlyToNodeA(String clientAddress) {
        return new SourceBoundHttp(nodeA.directUrl(), clientAddress, tls.clientContext());
    }

    public static ProductionNode nodeA() {
        return nodeA;
    }

    public static ProductionNode nodeB() {
        return nodeB;
    }
}
