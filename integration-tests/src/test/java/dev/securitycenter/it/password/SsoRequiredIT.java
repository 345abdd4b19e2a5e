package dev.securitycenter.it.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.MailingRealm;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.TestRealm;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "SSO required": users sign in through the realm's identity provider. A correct password of anyone outside the
 * break-glass role is refused on every path — sign-in form, token endpoint, forgotten-password mail, account API —
 * without telling anything to whoever lacks the password; the break-glass admins keep theirs.
 */
@ExtendWith(KeycloakTestServer.class)
class SsoRequiredIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";

    private final KeycloakApi api = KeycloakTestServer.api();
    @RegisterExtension
    final MailingRealm mailing = new MailingRealm("sso-required", Map.of("resetPasswordAllowed", true));
    private String breakGlassId;

    /** The realm, with security defaults and its mail caught, gets an identity provider and two users. */
    @BeforeEach
    void realmWithAnIdentityProvider() {
        realm().addIdentityProvider("corporate", "Corporate SSO");
        realm().createUser("nora", PASSWORD);
        breakGlassId = realm().createUser("boss", PASSWORD);
        RealmManagementRoles.grant(api, realm().name(), breakGlassId, "realm-admin");
    }

    @Test
    void theTokenEndpointRefusesTheCorrectPasswordOfAUserOutsideTheBreakGlassRole() {
        requireSso();

        Response refused = api.passwordGrant(realm().name(), "nora", PASSWORD);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_grant", refused.json().path("error").asText());
        assertTrue(refused.json().path("error_description").asText().contains("identity provider"), refused.body());
        JsonNode failed = new AuditLog(api, realm().name()).awaitEvent("auth.login_failed", "nora",
                e -> "sso_required".equals(e.at("/details/error").asText()));
        assertNotNull(failed);
        api.passwordGrant(realm().name(), "nora", PASSWORD);
        String noraId = userId("nora");
        assertFalse(realm().awaitBruteForce(noraId, state -> state.path("numFailures").asInt() > 0),
                "a refused correct password is no failed guess");

        Response wrong = api.passwordGrant(realm().name(), "nora", "Wrong-Horse-42!");
        assertEquals("Invalid user credentials", wrong.json().path("error_description").asText(), wrong.body());
        assertTrue(realm().awaitBruteForce(noraId, state -> state.path("numFailures").asInt() == 1),
                "a wrong password still counts");

        assertEquals(200, api.passwordGrant(realm().name(), "boss", PASSWORD).status(), "break-glass keeps it");
    }

    @Test
    void theSignInPageOffersTheProviderAndRefusesTheFormToOthers() {
        requireSso();

        BrowserSession browser = new BrowserSession(api.baseUrl(), realm().name(), UA);
        Page page = browser.open();
        assertTrue(page.body().contains("id=\"social-corporate\""), "the provider's button: " + page.body());
        assertTrue(page.body().contains("id=\"sc-break-glass\""), "the form is folded away: " + page.body());
        Page refused = page.submit(Map.of("username", "nora", "password", PASSWORD));
        assertNull(refused.code(), "no sign-in with a password");
        assertTrue(refused.body().contains("Use the button above"), refused.body());

        BrowserSession admin = new BrowserSession(api.baseUrl(), realm().name(), UA);
        assertNotNull(admin.signIn("boss", PASSWORD).code(), "the break-glass admin signs in with the password");
    }

    @Test
    void theForgottenPasswordMailGoesOnlyToTheBreakGlassAdmins() throws Exception {
        requireSso();

        Page unknown = forgotPassword("nobody-here");
        Page refused = forgotPassword("nora");
        for (Page answer : List.of(unknown, refused)) {
            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.body().contains("You should receive an email shortly"), answer.body());
        }

        forgotPassword("boss");
        List<MimeMessage> received = Mail.awaitMessage(mailing.smtp(), mail -> sentTo(mail, "boss@example.test"));
        assertTrue(received.stream().noneMatch(mail -> sentTo(mail, "nora@example.test")),
                "no reset link for a user who signs in through the identity provider");
    }

    @Test
    void theAccountApiHidesAndRefusesThePasswordChange() {
        String token = api.token(realm().name(), "nora", PASSWORD);
        requireSso();

        String account = "/realms/" + realm().name() + "/security-center/account";
        assertTrue(api.get(account, token).json().at("/password/managedBySso").asBoolean(),
                api.get(account, token).body());
        Response change = api.post(account + "/password", token, Map.of("currentPassword", PASSWORD,
                "newPassword", "Brand-New-Horse-44!", "confirmation", "Brand-New-Horse-44!"));
        assertTrue(change.status() >= 400 && change.status() < 500, change.body());
    }

    @Test
    void savingNeedsAnIdentityProviderAndAKnownBreakGlassRole() {
        api.delete(realm().adminPath() + "/identity-provider/instances/corporate", api.masterAdminToken());
        Response noProvider = putSso(true, null);
        assertEquals(400, noProvider.status(), noProvider.body());
        assertTrue(noProvider.body().contains("\"field\":\"sso.required\""), noProvider.body());

        Response unknownRole = putSso(false, "Wizard");
        assertEquals(400, unknownRole.status(), unknownRole.body());
        assertTrue(unknownRole.body().contains("\"field\":\"sso.breakGlassRole\""), unknownRole.body());
    }

    @Test
    void thePreviewCountsWhoWillSignInThroughTheProvider() {
        JsonNode policy = api.get(realm().adminPath() + "/security-center/policy", api.masterAdminToken()).json();
        ((ObjectNode) policy.get("sso")).put("required", true);
        JsonNode preview = api.post(realm().adminPath() + "/security-center/policy/preview", api.masterAdminToken(),
                policy).json();
        JsonNode warning = Arrays.stream(KeycloakApi.JSON.convertValue(preview.get("warnings"), JsonNode[].class))
                .filter(w -> "SSO_REQUIRED".equals(w.path("code").asText())).findFirst().orElseThrow(
                        () -> new AssertionError("no SSO_REQUIRED warning in " + preview));
        // nora; boss holds realm-admin
        assertEquals(1, warning.path("count").asInt(), warning.toString());
        assertEquals("1 user will sign in through Corporate SSO.", warning.path("message").asText());
    }

    private void requireSso() {
        realm().changePolicy(policy -> policy.withObjectProperty("sso").put("required", true));
    }

    private Response putSso(boolean required, String breakGlassRole) {
        String path = realm().adminPath() + "/security-center/policy";
        JsonNode policy = api.get(path, api.masterAdminToken()).json();
        ((ObjectNode) policy.get("sso")).put("required", required)
                .put("breakGlassRole", breakGlassRole);
        return api.put(path, api.masterAdminToken(), policy);
    }

    /** "Forgot password?" on the sign-in page (inside the folded break-glass form), then the username. */
    private Page forgotPassword(String username) {
        BrowserSession browser = new BrowserSession(api.baseUrl(), realm().name(), UA);
        Page form = browser.visit(browser.open().link("login-actions/reset-credentials"));
        return form.submit(Map.of("username", username));
    }

    private String userId(String username) {
        return api.get(realm().adminPath() + "/users?username=" + username + "&exact=true", api.masterAdminToken())
                .json().get(0).get("id").asText();
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestRealm realm() {
        return mailing.realm();
    }
}
