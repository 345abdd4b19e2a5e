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

/**
 * Load harness for the cost of the managed sign-in flow (run with the {@code benchmarks} profile, PostgreSQL): a
 * full browser sign-in (sign-in page, password post, code exchange) through the managed flow with every policy on
 * and 1,000 allowlist entries, against Keycloak's stock browser flow in a realm with the same built-in settings,
 * on one server, samples interleaved. Prints a Markdown table and writes it to target/benchmarks/sign-in.md.
 */
@ExtendWith(KeycloakTestServer.class)
class SignInBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);
    private static final int WARM_UP = 50;
    private static final String PASSWORD = "Correct-Horse-Battery-42!";

    private final KeycloakApi api = KeycloakTestServer.api();

    @Test
    void managedFlowAgainstStockFlow() throws Exception {
        try (TestRealm managed = TestRealm.create(api, "bench-managed", Map.of());
             TestRealm stock = TestRealm.create(api, "bench-stock", Map.of())) {
            ComparedRealms.configure(api, managed, stock);
            managed.createUser("bench", PASSWORD);
            stock.createUser("bench", PASSWORD);

            Latencies onManaged = new Latencies("browser sign-in, managed flow, every policy on, "
                    + ComparedRealms.ALLOWLIST_ENTRIES + " allowlist entries");
            Latencies onStock = new Latencies("browser sign-in, stock browser flow, same built-in settings");
            Latencies.interleave(WARM_UP, SAMPLES, onManaged, () -> signIn(managed), onStock, () -> signIn(stock));
            Latencies.publish("sign-in.md", Latencies.header() + "\n" + onManaged.row() + "\n" + onStock.row()
                    + "\n\n" + String.format(Locale.ROOT, "p50 ratio managed / stock: %.3f%n",
                    onManaged.percentile(50) / onStock.percentile(50)));
        }
    }

    private void signIn(TestRealm realm) {
        BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), "SignInBenchmark");
        JsonNode tokens = browser.tokens(browser.signIn("bench", PASSWORD));
        if (!tokens.has("access_token")) {
            throw new AssertionError("no tokens: " + tokens);
        }
    }
}
