package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakServer;
import dev.securitycenter.it.support.TestDatabase;
import dev.securitycenter.it.support.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server of its own started without an SMS gateway, so the demo sender that writes codes to the log is the one in
 * use: its start-up says so once with a WARN before Keycloak reports it has started, and a code it "sends" is in the
 * log and signs the user in.
 */
class LoggingSmsSenderIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";
    private static final String DEMO_ONLY = "SMS codes are written to this log instead of being sent";

    private static KeycloakServer server;
    private static KeycloakApi api;

    @BeforeAll
    static void serverWithoutSmsGateway() {
        Path home = KeycloakServer.copyOfDistribution("kc-logging-sms");
        server = KeycloakServer.start(new TestDatabase.H2(home.resolve("data").resolve("h2")), home, "logging-sms",
                List.of("--spi-security-center-sms-sender--provider=logging"));
        api = new KeycloakApi(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void startUpWarnsOnceThatCodesOnlyGoToTheLog() {
        List<String> log = log();
        List<Integer> warnings = linesWith(log, DEMO_ONLY);
        assertEquals(1, warnings.size(), "one warning: " + warnings);
        String warning = log.get(warnings.get(0));
        assertTrue(warning.contains("WARN"), warning);
        assertTrue(warning.contains("for demos only"), warning);
        List<Integer> started = linesWith(log, " started in ");
        assertEquals(1, started.size(), "Keycloak reports its start once");
        assertTrue(warnings.get(0) < started.get(0), "the warning comes at start-up, before Keycloak has started");
    }

    @Test
    void aCodeSentByTheDemoSenderIsInTheLogAndSignsIn() {
        try (TestRealm realm = TestRealm.create(api, "logging-sms", Map.of())) {
            String policy = realm.adminPath() + "/security-center/policy";
            assertEquals(200, api.post(policy + "/defaults", api.masterAdminToken(), "").status());
            ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
            doc.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL").putArray("methods").add("SMS");
            Response saved = api.put(policy, api.masterAdminToken(), doc);
            assertEquals(200, saved.status(), saved.body());
            realm.createUser("lee", PASSWORD);

            BrowserSession browser = new BrowserSession(api.baseUrl(), realm.name(), UA);
            Page phone = browser.signIn("lee", PASSWORD);
            assertTrue(phone.hasField("phoneNumber"), phone.body());
            Page code = phone.submit(Map.of("phoneNumber", "+15550104001"));
            assertTrue(code.hasField("code"), code.body());

            Page done = code.submit(Map.of("code", loggedCode("+15550104001")));
            assertNotNull(browser.tokens(done).get("access_token"), done.body());
            assertEquals(1, linesWith(log(), DEMO_ONLY).size(), "said at start-up only, not per message");
        }
    }

    private static String loggedCode(String number) {
        Pattern sent = Pattern.compile("SMS to " + Pattern.quote(number) + ": (\\d{6}) ");
        for (String line : log()) {
            Matcher matcher = sent.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No code for " + number + " in " + server.logFile());
    }

    private static List<Integer> linesWith(List<String> lines, String text) {
        return java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(text)).boxed()
                .toList();
    }

    private static List<String> log() {
        try {
            return Files.readAllLines(server.logFile());
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + server.logFile(), e);
        }
    }
}
