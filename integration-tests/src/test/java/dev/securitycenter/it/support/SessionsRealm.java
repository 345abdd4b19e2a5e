package dev.securitycenter.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * For a test class about sessions: one throw-away realm that, like a realm behind TLS, accepts the "external"
 * addresses the trusted proxy forwards; sign-ins in a browser that says it is Chrome on Linux; and where the account
 * API lists the caller's sessions. Registered as a static {@code @RegisterExtension} in a class extended with
 * {@link KeycloakTestServer}.
 */
public final class SessionsRealm implements BeforeAllCallback, AfterAllCallback {

    public static final String PASSWORD = "Correct-Horse-42!";
    public static final String CHROME_ON_LINUX =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    private final String prefix;
    private KeycloakApi api;
    private TestRealm realm;

    public SessionsRealm(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        api = KeycloakTestServer.api();
        realm = TestRealm.create(api, prefix, Map.of("sslRequired", "none"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (realm != null) {
            realm.close();
            realm = null;
        }
    }

    public String name() {
        return realm.name();
    }

    public String adminPath() {
        return realm.adminPath();
    }

    public String createUser(String username, String password) {
        return realm.createUser(username, password);
    }

    /** A browser on Chrome on Linux, about to sign in to the account console. */
    public BrowserSession browser() {
        return new BrowserSession(api.baseUrl(), realm.name(), CHROME_ON_LINUX);
    }

    /** The access token of a fresh sign-in to the account console in that browser. */
    public String browserToken(String username) {
        BrowserSession browser = browser();
        return browser.tokens(browser.signIn(username, PASSWORD)).get("access_token").asText();
    }

    /** The account API's list of the caller's sessions. */
    public String accountSessionsPath() {
        return "/realms/" + realm.name() + "/security-center/account/sessions";
    }
}
