package dev.securitycenter.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness for the cost of new-device detection (run with the {@code benchmarks} profile, PostgreSQL): a full
 * browser sign-in (sign-in page, password post, code exchange) from a browser the account knows, by a user whose
 * record already holds {@value #KNOWN_DEVICES} devices, with {@code notifications.newSignIn} on, against the same
 * sign-in in a realm with it off (same policy otherwise, same number of earlier sign-ins), on one server, samples
 * interleaved. Prints a Markdown table and writes it to target/benchmarks/new-device.md.
 */
@ExtendWith(KeycloakTestServer.class)
class NewDeviceBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);
    private static final int WARM_UP = Math.min(50, SAMPLES);
    private static final int KNOWN_DEVICES = 100;
    private static final String PASSWORD = "Correct-Horse-Battery-42!";
    private static final String DEVICE_COOKIE = "SECURITY_CENTER_DEVICE";
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36";

    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void knownDeviceSignInWithDetectionOnAgainstOff() throws Exception {
        try (TestRealm on = TestRealm.create(api, "bench-new-device-on", Map.of());
             TestRealm off = TestRealm.create(api, "bench-new-device-off", Map.of())) {
            BrowserSession onBrowser = userWithKnownDevices(on, true);
            BrowserSession offBrowser = userWithKnownDevices(off, false);

            Latencies withDetection = new Latencies("browser sign-in, known browser, newSignIn on, "
                    + KNOWN_DEVICES + " known devices");
            Latencies without = new Latencies("browser sign-in, same browser, newSignIn off");
            for (int i = 0; i < WARM_UP; i++) {
                signIn(on, onBrowser);
                signIn(off, offBrowser);
            }
            for (int i = 0; i < SAMPLES; i++) {
                // interleaved so drift in the machine's load hits both sides alike
                withDetection.time(() -> signIn(on, onBrowser));
                without.time(() -> signIn(off, offBrowser));
            }
            String report = Latencies.header() + "\n" + withDetection.row() + "\n" + without.row() + "\n\n"
                    + String.format(Locale.ROOT, "p50 ratio on / off: %.3f (difference %.2f ms)%n",
                    withDetection.percentile(50) / without.percentile(50),
                    withDetection.percentile(50) - without.percentile(50));
            System.out.println(report);
            Path out = Path.of(System.getProperty("it.log.dir"), "benchmarks", "new-device.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    /**
     * The defaults, the switch as given, and a user who signed in from {@value #KNOWN_DEVICES} browsers; the last of
     * them is returned to sign in again. Both realms go through the same sign-ins, so they hold as many sessions.
     */
    private BrowserSession userWithKnownDevices(TestRealm realm, boolean newSignIn) {
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "")
                .status());
        realm.changePolicy(policy -> policy.withObjectProperty("notifications").put("newSignIn", newSignIn));
        realm.createUser("bench", PASSWORD);
        BrowserSession browser = null;
        JsonNode tokens = null;
        for (int i = 0; i < KNOWN_DEVICES; i++) {
            browser = new BrowserSession(api.baseUrl(), realm.name(), USER_AGENT);
            tokens = signIn(realm, browser);
        }
        if (newSignIn) {
            JsonNode own = api.get("/realms/" + realm.name() + "/security-center/account/notifications",
                    tokens.get("access_token").asText()).json();
            assertEquals(KNOWN_DEVICES, own.get("devices").size(), own.toString());
        }
        return browser;
    }

    private static JsonNode signIn(TestRealm realm, BrowserSession browser) {
        browser.keepOnlyCookie(DEVICE_COOKIE);
        JsonNode tokens = browser.tokens(browser.signIn("bench", PASSWORD));
        if (!tokens.has("access_token")) {
            throw new AssertionError("no tokens in " + realm.name() + ": " + tokens);
        }
        return tokens;
    }
}
