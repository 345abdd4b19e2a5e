package dev.securitycenter.it.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.ProductionDeployment;
import dev.securitycenter.it.support.ProductionNode;
import dev.securitycenter.it.support.SignInLoad;
import dev.securitycenter.it.support.SourceBoundHttp;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production path: an optimized build on PostgreSQL, two clustered nodes on HTTPS behind nginx, which
 * terminates TLS on the public hostname. What customers see through the proxy works, and the client address the
 * allowlist and the session list use is the one nginx saw, whatever the client claims in its own headers.
 */
@ExtendWith(ProductionDeployment.class)
class ProductionIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String CLIENT = "127.0.0.1";
    private static final String OTHER_CLIENT = "127.0.0.2";
    /** Absolute http:// URLs other than XML namespace names would be mixed content on an https page. */
    private static final Pattern INSECURE_URL = Pattern.compile("http://(?!www\\.w3\\.org/)[^\"'\\s<>]*");
    /** Bounds the load loop if a restart hangs: two clients, each at most this many requests. */
    private static final int LOAD_BUDGET = 4000;
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]*/resources/[^\"]+)\"");

    private final KeycloakApi api = ProductionDeployment.api();
    /** Follows redirects as a browser does, but never from https to http (that would show as a 3xx here). */
    private final HttpClient browser = HttpClient.newBuilder().sslContext(ProductionDeployment.tls())
            .followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(new CookieManager()).build();
    private TestRealm realm;

    @BeforeEach
    void createRealm() {
        realm = TestRealm.create(api, "production", Map.of());
        assertEquals(200, api.post(policyPath() + "/defaults", api.masterAdminToken(), "").status());
        realm.createUser("ada", PASSWORD);
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void theDemoRealmsSignInPageLoadsOverHttpsWithItsTheme() {
        String account = ProductionDeployment.publicUrl() + "/realms/acme/account/";
        // the account console's own request, PKCE included (the client requires it)
        String html = assertSecurePage("/realms/acme/protocol/openid-connect/auth?client_id=account-console"
                + "&response_type=code&scope=openid&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&redirect_uri=" + URLEncoder.encode(account, StandardCharsets.UTF_8));
        assertTrue(html.contains("id=\"kc-form-login\""), "the sign-in form: " + html);
        assertTrue(html.contains("action=\"" + ProductionDeployment.publicUrl() + "/realms/acme/login-actions/"),
                "the form posts to the public https address: " + html);
    }

    @Test
    void theAdminConsoleLoadsOverHttps() {
        assertSecurePage("/admin/master/console/");
    }

    @Test
    void theAccountConsoleLoadsOverHttps() {
        assertSecurePage("/realms/acme/account/");
    }

    @Test
    void theAllowlistDecidesOnTheAddressNginxSawNotOnWhatTheClientClaims() {
        savePolicy(doc -> allowlist(doc, CLIENT));
        SourceBoundHttp outsider = ProductionDeployment.through(OTHER_CLIENT);

        assertEquals(403, grant(outsider, Map.of()).status(), "an address off the list is refused");
        Response spoofed = grant(outsider, Map.of("X-Forwarded-For", CLIENT));
        assertEquals(403, spoofed.status(), "nginx replaces the client's X-Forwarded-For: " + spoofed.body());
        assertEquals(200, grant(ProductionDeployment.through(CLIENT), Map.of()).status(), "the listed address");
    }

    @Test
    void forwardedHeadersFromAnyoneButTheProxyAreIgnored() {
        savePolicy(doc -> allowlist(doc, CLIENT));
        // straight to a node from an address off the list, claiming to be a listed one: only nginx is trusted
        Response bypass = grant(ProductionDeployment.directlyToNodeA(OTHER_CLIENT), Map.of("X-Forwarded-For", CLIENT));
        assertEquals(403, bypass.status(), bypass.body());
        assertEquals(200, grant(ProductionDeployment.directlyToNodeA(CLIENT), Map.of()).status(),
                "the node itself answers the listed address");
    }

    @Test
    void theSessionListShowsTheClientsAddressNotTheProxys() {
        Response signedIn = grant(ProductionDeployment.through(OTHER_CLIENT), Map.of("X-Forwarded-For", "10.9.8.7"));
        assertEquals(200, signedIn.status(), signedIn.body());
        String token = signedIn.json().get("access_token").asText();

        Response own = api.get("/realms/" + realm.name() + "/security-center/account/sessions", token);
        assertEquals(200, own.status(), own.body());
        JsonNode sessions = own.json().get("sessions");
        assertEquals(1, sessions.size(), sessions.toString());
        assertEquals(OTHER_CLIENT, sessions.get(0).get("ip").asText(), sessions.toString());

        String userId = api.get(realm.adminPath() + "/users?exact=true&username=ada", api.masterAdminToken())
                .json().get(0).get("id").asText();
        JsonNode stock = api.get(realm.adminPath() + "/users/" + userId + "/sessions", api.masterAdminToken()).json();
        assertEquals(OTHER_CLIENT, stock.get(0).get("ipAddress").asText(), "Keycloak's own session list agrees");
    }

    @Test
    void aRollingRestartUnderLoadLosesNothing() throws Exception {
        savePolicy(doc -> {
            allowlist(doc, CLIENT);
            doc.withObjectProperty("lockout").put("maxFailures", 10);
        });
        JsonNode policy = api.get(policyPath(), api.masterAdminToken()).json();
        List<String> users = List.of("load-1", "load-2");
        users.forEach(user -> realm.createUser(user, PASSWORD));

        SignInLoad load = SignInLoad.start(api, realm.name(), users, PASSWORD, LOAD_BUDGET);
        for (ProductionNode node : List.of(ProductionDeployment.nodeA(), ProductionDeployment.nodeB())) {
            int before = load.signIns();
            node.close();
            node.start();
            assertTrue(load.signIns() > before, "sign-ins went on while a node restarted: " + load);
        }
        load.stop();
        System.out.println("Rolling restart under load: " + load);

        assertTrue(load.failures() * 200 <= load.requests(), "at most 0.5 % failed: " + load);
        assertEquals(policy, api.get(policyPath(), api.masterAdminToken()).json(), "the policy survived");
        assertEquals(403, grant(ProductionDeployment.through(OTHER_CLIENT), Map.of()).status(),
                "the allowlist is still enforced");
        AuditLog audit = new AuditLog(api, realm.name());
        JsonNode verification = audit.verify();
        assertTrue(verification.get("ok").asBoolean(), verification.toString());
        assertTrue(signInsRecorded(audit) >= load.signIns(), "every completed sign-in has its audit row: " + load);
    }

    private static int signInsRecorded(AuditLog audit) {
        int count = 0;
        for (int first = 0; ; first += 500) {
            int page = audit.events("type=auth.login_succeeded&max=500&first=" + first).size();
            count += page;
            if (page < 500) {
                return count;
            }
        }
    }

    /** 200 over https, built from the public hostname, no http:// asset, and its theme's assets load cached. */
    private String assertSecurePage(String path) {
        HttpResponse<String> page = fetch(ProductionDeployment.publicUrl() + path);
        assertEquals(200, page.statusCode(), page.headers().firstValue("Location").orElse(page.body()));
        assertTrue(page.uri().toString().startsWith(ProductionDeployment.publicUrl()), page.uri().toString());
        String html = page.body();
        Matcher insecure = INSECURE_URL.matcher(html);
        assertFalse(insecure.find(), () -> "mixed content on " + path + ": " + insecure.group());
        assertTrue(html.contains(ProductionDeployment.publicUrl()), "URLs come from the hostname: " + html);

        Set<String> assets = new LinkedHashSet<>();
        Matcher asset = ASSET.matcher(html);
        while (asset.find()) {
            assets.add(asset.group(1));
        }
        assertFalse(assets.isEmpty(), "the page loads its theme's assets: " + html);
        for (String url : assets) {
            HttpResponse<String> loaded = fetch(url.startsWith("/") ? ProductionDeployment.publicUrl() + url : url);
            assertEquals(200, loaded.statusCode(), url);
            String caching = loaded.headers().firstValue("Cache-Control").orElse("");
            assertTrue(caching.contains("max-age="), url + " is cached by browsers: " + caching);
        }
        return html;
    }

    private HttpResponse<String> fetch(String url) {
        try {
            return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Could not load " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response grant(SourceBoundHttp from, Map<String, String> headers) {
        return from.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of("grant_type",
                "password", "client_id", "admin-cli", "username", "ada", "password", PASSWORD), headers);
    }

    private static void allowlist(ObjectNode doc, String... addresses) {
        ArrayNode entries = doc.withObjectProperty("ipAllowlist").put("enabled", true).putArray("entries");
        for (String address : addresses) {
            entries.addObject().put("value", address).put("label", "allowed " + address);
        }
    }

    private void savePolicy(Consumer<ObjectNode> change) {
        ObjectNode doc = (ObjectNode) api.get(policyPath(), api.masterAdminToken()).json();
        change.accept(doc);
        Response saved = api.put(policyPath(), api.masterAdminToken(), doc);
        assertEquals(200, saved.status(), saved.body());
    }

    private String policyPath() {
        return realm.adminPath() + "/security-center/policy";
    }
}
