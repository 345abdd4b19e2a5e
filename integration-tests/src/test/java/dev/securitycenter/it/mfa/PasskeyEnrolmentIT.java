package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.Chromium;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.VirtualPasskeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Required 2FA with passkeys allowed enrols a user without a factor in a passkey first when their browser can make
 * one, and in the next allowed method (here the authenticator app) when it cannot: a page asks the browser before
 * the enrolment starts. Chromium with a virtual platform authenticator can; headless Chromium without one cannot.
 */
@ExtendWith(KeycloakTestServer.class)
class PasskeyEnrolmentIT {

    private static final String PASSWORD = "Correct-Horse-42!";

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;

    @BeforeEach
    void realmRequiringTwoFactorWithPasskeysAllowed() {
        realm = TestRealm.create(api, "passkey-enrol", Map.of());
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(),
                "").status());
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL"));
        browser.signOutEverywhere();
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void aBrowserThatCanMakeAPasskeyEnrolsInAPasskeyFirst() {
        String pia = realm.createUser("pia", PASSWORD);
        VirtualAuthenticator authenticator = VirtualPasskeys.add(browser);
        try {
            signInWithPassword("pia");
            WebElement register = browser.waitFor(By.id("registerWebAuthn"));
            assertTrue(browser.driver().findElements(By.id("totp")).isEmpty(), "no authenticator-app set-up");
            browser.screenshot("signin-enrol-passkey-first");
            register.click();
            Alert prompt = browser.until(ExpectedConditions.alertIsPresent());
            prompt.sendKeys("Pia's laptop");
            prompt.accept();
            awaitSignedIn();
            assertEquals(List.of("webauthn-passwordless"), credentialTypes(pia).stream()
                    .filter(type -> !"password".equals(type)).toList());
        } finally {
            VirtualPasskeys.remove(browser, authenticator);
        }
    }

    @Test
    void aBrowserThatCannotMakeAPasskeyEnrolsInTheNextAllowedMethod() {
        String ray = realm.createUser("ray", PASSWORD);
        signInWithPassword("ray");
        browser.waitFor(By.id("totp"));
        assertTrue(browser.driver().findElements(By.id("registerWebAuthn")).isEmpty(), "no passkey registration");
        browser.screenshot("signin-enrol-no-passkey-support");
        assertEquals(List.of("password"), credentialTypes(ray), "nothing set up yet");
    }

    private void signInWithPassword(String username) {
        browser.driver().get(localhost() + "/realms/" + realm.name() + "/account/");
        browser.type(browser.waitFor(By.id("username")), username);
        browser.type(browser.driver().findElement(By.id("password")), PASSWORD);
        WebElement submit = browser.driver().findElement(By.id("kc-login"));
        submit.click();
        browser.until(ExpectedConditions.stalenessOf(submit));
    }

    private void awaitSignedIn() {
        browser.until(driver -> {
            String url = driver.getCurrentUrl();
            return url.contains("/realms/" + realm.name() + "/account") && !url.contains("login-actions")
                    && !driver.findElements(Chromium.byText("Personal info")).isEmpty();
        });
    }

    private List<String> credentialTypes(String userId) {
        JsonNode credentials = api.get(realm.adminPath() + "/users/" + userId + "/credentials",
                api.masterAdminToken()).json();
        return StreamSupport.stream(credentials.spliterator(), false)
                .map(credential -> credential.get("type").asText())
                .toList();
    }

    /** The sign-in on localhost: an address cannot be a WebAuthn relying party. */
    private String localhost() {
        return api.baseUrl().replace("://127.0.0.1:", "://localhost:");
    }
}
