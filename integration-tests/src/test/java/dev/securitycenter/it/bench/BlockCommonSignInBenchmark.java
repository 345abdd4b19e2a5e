package dev.securitycenter.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness for the cost of {@code password.blockCommon} at sign-in (run with the {@code benchmarks} profile,
 * PostgreSQL): two realms with the recommended policy on the managed flow, identical but for the common-password
 * list, where a correct password is checked against the list at every browser sign-in. Samples interleaved; prints
 * a Markdown table and writes it to target/benchmarks/sign-in-block-common.md.
 */
@ExtendWith(KeycloakTestServer.class)
class BlockCommonSignInBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);
    private static final int WARM_UP = 50;
    private static final String PASSWORD = "Correct-Horse-Battery-42!";

    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void signInWithTheListOnAgainstOff() throws Exception {
        try (TestRealm on = recommendedPolicy("bench-common-on", true);
             TestRealm off = recommendedPolicy("bench-common-off", false)) {
            on.createUser("bench", PASSWORD);
            off.createUser("bench", PASSWORD);

            Latencies withList = new Latencies("browser sign-in, managed flow, blockCommon on");
            Latencies withoutList = new Latencies("browser sign-in, managed flow, blockCommon off");
            Latencies.interleave(WARM_UP, SAMPLES, withList, () -> signIn(on), withoutList, () -> signIn(off));
            Latencies.publish("sign-in-block-common.md", Latencies.header() + "\n" + withList.row() + "\n"
                    + withoutList.row() + "\n\n" + String.format(Locale.ROOT, "p50 ratio on / off: %.3f%n",
                    withList.percentile(50) / withoutList.percentile(50)));
        }
    }

    private TestRealm recommendedPolicy(String prefix, boolean blockCommon) {
        TestRealm realm = TestRealm.create(api, prefix, Map.of());
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "")
                .status());
        realm.changePolicy(doc -> doc.withObjectProperty("password").put("blockCommon", blockCommon));
        String passwordPolicy = api.get(realm.adminPath(), api.masterAdminToken()).json().get("passwordPolicy")
                .asText();
        assertEquals(blockCommon, passwordPolicy.contains("securityCenterCommonPasswords"), passwordPolicy);
        return realm;
    }

    private void signIn(TestRealm realm) {
        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), "BlockCommonSignInBenchmark");
        JsonNode tokens = browser.tokens(browser.signIn("bench", PASSWORD));
        if (!tokens.has("access_token")) {
            throw new AssertionError("no tokens: " + tokens);
        }
    }
}
