package dev.securitycenter.it.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * For each test, a throw-away realm under the recommended policy whose IP allowlist lets in only this machine,
 * with the user {@link #USER}; and HTTP clients on either side of the list: {@link #insider()} from 127.0.0.1,
 * {@link #outsider()} from 127.0.0.2. Registered with {@code @RegisterExtension} in a class extended with
 * {@link KeycloakTestServer}; its realm is ready before the class's own {@code @BeforeEach} methods run.
 */
public final class AllowlistedRealm implements BeforeEachCallback, AfterEachCallback {

    public static final String USER = "ada";
    public static final String PASSWORD = "Correct-Horse-42!";

    private final String prefix;
    private final Map<String, Object> settings;
    private TestRealm realm;
    private SourceBoundHttp insider;
    private SourceBoundHttp outsider;

    public AllowlistedRealm(String prefix, Map<String, Object> settings) {
        this.prefix = prefix;
        this.settings = settings;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        KeycloakApi api = KeycloakTestServer.api();
        realm = TestRealm.create(api, prefix, settings);
        realm.createUser(USER, PASSWORD);
        realm.allowOnlyThisMachine();
        insider = new SourceBoundHttp(api.baseUrl(), "127.0.0.1");
        outsider = new SourceBoundHttp(api.baseUrl(), "127.0.0.2");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (realm != null) {
            realm.close();
            realm = null;
        }
    }

    public TestRealm realm() {
        return realm;
    }

    public SourceBoundHttp insider() {
        return insider;
    }

    public SourceBoundHttp outsider() {
        return outsider;
    }
}
