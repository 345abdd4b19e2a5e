package dev.securitycenter.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.OptimizedServer;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness for the managed sign-in on the optimized server ({@link OptimizedServer}: {@code kc.sh build}, {@code
 * start --optimized}, HTTPS behind nginx, PostgreSQL), run with the {@code benchmarks} profile. The realms are
 * {@link ComparedRealms}: every policy on, managed flows, against the same built-in settings on the stock flows.
 *
 * <ul>
 *   <li>{@link #statementsPerSignIn}: the SQL statements (round trips to the database) of one browser sign-in and
 *   of one password grant in each realm, counted by PostgreSQL; independent of the machine's load.</li>
 *   <li>{@link #throughputOfEightClients} and {@link #throughputOfEightClientsOnALargeRealm} (100,000 users, 20,000
 *   live sessions): full browser sign-ins (sign-in page, password post, code exchange) from 8 parallel clients,
 *   each client with users of its own, in rounds that alternate which realm goes first, so that the machine's
 *   load drift hits both alike; from new browsers, then from returning ones (see {@link #BROWSERS}).</li>
 * </ul>
 * Writes target/benchmarks/sign-in-statements.md and sign-in-throughput*.md.
 */
class SignInThroughputBenchmark {

    private static final String PASSWORD = "Correct-Horse-Battery-42!";
    private static final int CLIENTS = 8;
    private static final int USERS_PER_CLIENT = 8;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
    /**
     * Untimed rounds first: on a fresh server the rate still climbs for about two minutes (27 to 50 sign-ins a
     * second per realm in a quiet run), which would count against whichever realm goes first in a round.
     */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmUpRounds", 3);
    private static final int ROUND_SECONDS = Integer.getInteger("bench.roundSeconds", 20);
    private static final int COUNTED_SIGN_INS = 20;
    /**
     * Who signs in during the timed rounds, one comparison each, in the order given ({@code bench.browsers}, comma
     * separated; both by default, so that a large realm is seeded once for the two): {@code new} is a new browser
     * each time, an empty cookie jar, so every sign-in comes from a device neither realm has seen (both record it:
     * both have the audit listener and the new-sign-in notification); {@code returning} is each user's own browser
     * coming back, holding only the realm's long-lived device cookie between sign-ins (its sign-in cookies ended
     * with the window), as most sign-ins are.
     */
    private static final List<Browsers> BROWSERS = Stream.of(System.getProperty("bench.browsers", "new,returning")
            .split(",")).map(mode -> Browsers.valueOf(mode.trim().toUpperCase(Locale.ROOT))).toList();
    private static final String DEVICE_COOKIE = "SECURITY_CENTER_DEVICE";
    private static final Map<String, BrowserSession> ownBrowsers = new ConcurrentHashMap<>();
    private static final int LARGE_USERS = Integer.getInteger("bench.users", 100_000);
    private static final int LARGE_SESSIONS = Integer.getInteger("bench.sessions", 20_000);
    /** Two sessions each, below the managed realm's limit of 3, so that none is ended while seeding. */
    private static final int SESSIONS_PER_USER = 2;

    private static final AtomicInteger retries = new AtomicInteger();
    private static OptimizedServer server;
    private static KeycloakApi api;
    private static HttpClient browsers;

    @BeforeAll
    static void startServer() {
        server = OptimizedServer.start();
        api = server.api();
        browsers = server.browserClient();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void statementsPerSignIn() throws Exception {
        StatementCounts counts = new StatementCounts(server.database());
        try (TestRealm managed = TestRealm.create(api, "stmt-managed", Map.of());
             TestRealm stock = TestRealm.create(api, "stmt-stock", Map.of())) {
            ComparedRealms.configure(api, managed, stock);
            StringBuilder report = new StringBuilder();
            for (Flow flow : Flow.values()) {
                managed.createUser(flow.username(), PASSWORD);
                stock.createUser(flow.username(), PASSWORD);
                retries.set(0);
                Map<String, StatementCounts.Usage> onManaged = count(counts, flow, managed);
                int managedRetries = retries.getAndSet(0);
                Map<String, StatementCounts.Usage> onStock = count(counts, flow, stock);
                String section = StatementReport.of(flow.title, COUNTED_SIGN_INS, onManaged, onStock)
                        + String.format(Locale.ROOT, "%nAttempts refused as made in parallel and repeated: managed %d,"
                        + " stock %d%n", managedRetries, retries.get());
                System.out.println(section);
                report.append(section).append('\n');
            }
            Latencies.publish("sign-in-statements.md", report.toString());
        }
    }

    @Test
    void throughputOfEightClients() throws Exception {
        try (TestRealm managed = TestRealm.create(api, "tp-managed", Map.of());
             TestRealm stock = TestRealm.create(api, "tp-stock", Map.of())) {
            ComparedRealms.configure(api, managed, stock);
            Latencies.publish("sign-in-throughput.md", "8 clients, small realms\n\n"
                    + compare(managed, users(managed), stock, users(stock)));
        }
    }

    /**
     * The same on realms of {@value #LARGE_USERS} users (inserted with SQL, each with a copy of a password hashed
     * with a single PBKDF2 iteration) of whom {@value #LARGE_SESSIONS} sessions were opened by real password grants,
     * after which both realms go back to Keycloak's default hashing for the timed users.
     */
    @Test
    void throughputOfEightClientsOnALargeRealm() throws Exception {
        Map<String, Object> cheapHashing = Map.of("passwordPolicy", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
        try (TestRealm managed = TestRealm.create(api, "tp-large-managed", cheapHashing);
             TestRealm stock = TestRealm.create(api, "tp-large-stock", cheapHashing)) {
            ComparedRealms.configure(api, managed, stock);
            StringBuilder report = new StringBuilder();
            for (TestRealm realm : List.of(managed, stock)) {
                long start = System.nanoTime();
                seedUsers(realm);
                long seeded = System.nanoTime();
                openSessions(realm);
                report.append(String.format(Locale.ROOT, "%s: %,d users seeded in %.1f s, %,d sessions opened in"
                                + " %.1f s%n", realm.name(), LARGE_USERS, (seeded - start) / 1e9, LARGE_SESSIONS,
                        (System.nanoTime() - seeded) / 1e9));
                defaultHashing(realm);
            }
            Latencies.publish("sign-in-throughput-large.md", report + "\n8 clients, " + LARGE_USERS + " users and "
                    + LARGE_SESSIONS + " sessions in each realm\n\n"
                    + compare(managed, users(managed), stock, users(stock)));
        }
    }

    /**
     * What each counted sign-in does. A user who signs in again and again without signing out is over the managed
     * realm's limit of 3 sessions at every sign-in after the third, so Keycloak's session limiter ends the oldest
     * each time (as in {@link SignInBenchmark}); one who signs out afterwards stays under it, as most people do.
     */
    private enum Flow {
        BROWSER("browser sign-in (sign-in page, password post, code exchange), never signing out", "account-console",
                false),
        BROWSER_SIGNING_OUT("browser sign-in, then sign-out (the user stays under the session limit)",
                "account-console", true),
        PASSWORD_GRANT("password grant (direct grant flow), never signing out", "admin-cli", false),
        PASSWORD_GRANT_SIGNING_OUT("password grant, then sign-out (the user stays under the session limit)",
                "admin-cli", true);

        private final String title;
        private final String clientId;
        private final boolean signsOut;

        Flow(String title, String clientId, boolean signsOut) {
            this.title = title;
            this.clientId = clientId;
            this.signsOut = signsOut;
        }

        boolean browser() {
            return clientId.equals("account-console");
        }

        /** Each kind of sign-in with a user of its own, so that one's sessions do not count in another's limit. */
        String username() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private Map<String, StatementCounts.Usage> count(StatementCounts counts, Flow flow, TestRealm realm)
            throws Exception {
        Runnable signIn = () -> {
            JsonNode tokens;
            if (flow.browser()) {
                tokens = browserSignIn(realm, flow.username());
            } else {
                var grant = api.passwordGrant(realm.name(), flow.username(), PASSWORD);
                assertEquals(200, grant.status(), grant.body());
                tokens = grant.json();
            }
            if (flow.signsOut) {
                assertEquals(204, api.postForm("/realms/" + realm.name() + "/protocol/openid-connect/logout", Map.of(
                        "client_id", flow.clientId, "refresh_token", tokens.get("refresh_token").asText())).status());
            }
        };
        for (int i = 0; i < 10; i++) {
            afterThePrevious(signIn);
        }
        counts.reset();
        for (int i = 0; i < COUNTED_SIGN_INS; i++) {
            afterThePrevious(signIn);
        }
        return counts.read();
    }

    /**
     * Keycloak's own brute-force protector clears a user's sign-in on a thread of its own after the request, and
     * until it has, the stock flow refuses the next attempt of that user as one made in parallel (the managed flow
     * waits for it instead); the counted sign-ins of one user leave it that time.
     */
    private static void afterThePrevious(Runnable signIn) {
        for (int attempt = 1; ; attempt++) {
            try {
                Thread.sleep(250L * attempt);
                signIn.run();
                return;
            } catch (AssertionError e) {
                // on a busy machine that thread can take longer; the refused attempt is in the count (reported)
                if (attempt == 4) {
                    throw e;
                }
                retries.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode browserSignIn(TestRealm realm, String username) {
        return browserSignIn(newBrowser(realm), username);
    }

    private static JsonNode browserSignIn(BrowserSession browser, String username) {
        JsonNode tokens = browser.tokens(browser.signIn(username, PASSWORD));
        if (!tokens.has("access_token")) {
            throw new AssertionError("no tokens: " + tokens);
        }
        return tokens;
    }

    private static BrowserSession newBrowser(TestRealm realm) {
        return new BrowserSession(server.publicUrl(), realm.name(), "SignInThroughputBenchmark", browsers);
    }

    private enum Browsers {
        NEW("a new browser for each sign-in"),
        RETURNING("returning browsers (device cookie kept)");

        private final String title;

        Browsers(String title) {
            this.title = title;
        }

        /** A timed sign-in of {@code username} from this kind of browser. */
        void signIn(TestRealm realm, String username) {
            if (this == NEW) {
                browserSignIn(realm, username);
                return;
            }
            // each user signs in from one client thread only, so their browser is never used by two at once
            BrowserSession own = ownBrowsers.computeIfAbsent(realm.name() + '/' + username, key -> newBrowser(realm));
            browserSignIn(own, username);
            own.keepOnlyCookie(DEVICE_COOKIE);
        }
    }

    /** Users of the timed sign-ins, created through the admin API with Keycloak's default hashing. */
    private static List<String> users(TestRealm realm) {
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < CLIENTS * USERS_PER_CLIENT; i++) {
            String username = "timed" + i;
            realm.createUser(username, PASSWORD);
            usernames.add(username);
        }
        return usernames;
    }

    /** One comparison per kind of browser in {@link #BROWSERS}, each a Markdown section. */
    private String compare(TestRealm managed, List<String> managedUsers, TestRealm stock, List<String> stockUsers)
            throws Exception {
        StringBuilder sections = new StringBuilder();
        for (Browsers browsers : BROWSERS) {
            sections.append("### ").append(browsers.title).append("\n\n")
                    .append(compare(browsers, managed, managedUsers, stock, stockUsers)).append('\n');
        }
        return sections.toString();
    }

    private String compare(Browsers browsers, TestRealm managed, List<String> managedUsers, TestRealm stock,
                           List<String> stockUsers) throws Exception {
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            run(browsers, managed, managedUsers, ROUND_SECONDS);
            run(browsers, stock, stockUsers, ROUND_SECONDS);
        }
        List<Double> ratios = new ArrayList<>();
        StringBuilder table = new StringBuilder("| Round | sign-ins managed / stock | per second managed | per second"
                + " stock | ratio managed / stock | failed | load average (1, 5, 15 min) |\n|---|---|---|---|---|---|---|\n");
        for (int round = 1; round <= ROUNDS; round++) {
            String load = String.join(" ",
                    List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
            Rate onManaged;
            Rate onStock;
            if (round % 2 == 1) {
                onManaged = run(browsers, managed, managedUsers, ROUND_SECONDS);
                onStock = run(browsers, stock, stockUsers, ROUND_SECONDS);
            } else {
                onStock = run(browsers, stock, stockUsers, ROUND_SECONDS);
                onManaged = run(browsers, managed, managedUsers, ROUND_SECONDS);
            }
            double ratio = onManaged.perSecond() / onStock.perSecond();
            ratios.add(ratio);
            table.append(String.format(Locale.ROOT, "| %d | %d / %d | %.2f | %.2f | %.3f | %d / %d | %s |%n", round,
                    onManaged.signIns, onStock.signIns, onManaged.perSecond(), onStock.perSecond(), ratio,
                    onManaged.failures.size(), onStock.failures.size(), load));
            List<String> failures = new ArrayList<>(onManaged.failures);
            failures.addAll(onStock.failures);
            if (!failures.isEmpty()) {
                throw new AssertionError("sign-ins failed in round " + round + ": " + failures.subList(0,
                        Math.min(5, failures.size())) + "\n" + table);
            }
        }
        Collections.sort(ratios);
        int middle = ratios.size() / 2;
        double median = ratios.size() % 2 == 1 ? ratios.get(middle) : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
        return table + String.format(Locale.ROOT, "%nMedian throughput ratio managed / stock: %.3f%n", median);
    }

    /**
     * Sign-ins per second of {@value #CLIENTS} clients for {@code seconds} from such browsers; client i signs in
     * users i, i+8, …
     */
    private static Rate run(Browsers browsers, TestRealm realm, List<String> users, int seconds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger signIns = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                running.add(clients.submit(() -> {
                    for (int next = first; System.nanoTime() < deadline; next = (next + CLIENTS) % users.size()) {
                        try {
                            browsers.signIn(realm, users.get(next));
                            signIns.incrementAndGet();
                        } catch (RuntimeException | AssertionError e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        return new Rate(signIns.get(), (System.nanoTime() - start) / 1e9, failures);
    }

    private record Rate(int signIns, double seconds, List<String> failures) {
        double perSecond() {
            return signIns / seconds;
        }
    }

    /** {@value #LARGE_USERS} users large00000…, each with a copy of a template user's password credential. */
    private static void seedUsers(TestRealm realm) throws Exception {
        String realmId = api.get(realm.adminPath(), api.masterAdminToken()).json().get("id").asText();
        String template = realm.createUser("template", PASSWORD);
        try (Connection db = server.database().connect()) {
            List<Object> credential = new ArrayList<>();
            try (var query = db.prepareStatement("select SECRET_DATA, CREDENTIAL_DATA from CREDENTIAL"
                    + " where USER_ID = ? and TYPE = 'password'")) {
                query.setString(1, template);
                try (var row = query.executeQuery()) {
                    row.next();
                    credential.add(row.getObject(1));
                    credential.add(row.getObject(2));
                }
            }
            try (SeededUsers users = new SeededUsers(db, realmId, credential)) {
                for (int i = 0; i < LARGE_USERS; i++) {
                    users.add(String.format("large%05d", i));
                }
            }
        }
    }

    /** Real password grants from {@value #CLIENTS} threads, {@value #SESSIONS_PER_USER} for each user. */
    private static void openSessions(TestRealm realm) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> grants = new ArrayList<>();
            for (int i = 0; i < LARGE_SESSIONS; i++) {
                // one user's grants far apart: Keycloak refuses a user's attempt while another one is in progress
                String username = String.format("large%05d", i % (LARGE_SESSIONS / SESSIONS_PER_USER));
                grants.add(pool.submit(() -> assertEquals(200,
                        api.passwordGrant(realm.name(), username, PASSWORD).status())));
            }
            for (Future<?> grant : grants) {
                grant.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Drops the seeding's cheap hashing from the realm's password policy, keeping every other entry. */
    private static void defaultHashing(TestRealm realm) {
        String policy = api.get(realm.adminPath(), api.masterAdminToken()).json().get("passwordPolicy").asText();
        List<String> kept = new ArrayList<>();
        for (String entry : policy.split(" and ")) {
            if (!entry.startsWith("hashAlgorithm") && !entry.startsWith("hashIterations")) {
                kept.add(entry);
            }
        }
        realm.update(Map.of("passwordPolicy", String.join(" and ", kept)));
    }
}
