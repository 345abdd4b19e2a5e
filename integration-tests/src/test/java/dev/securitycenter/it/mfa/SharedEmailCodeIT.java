package dev.securitycenter.it.mfa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.securitycenter.it.support.BrowserSession;
import dev.securitycenter.it.support.BrowserSession.Page;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.SecondFactors;
import dev.securitycenter.it.support.TestRealm;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two accounts with one email address (the realm allows duplicates): each sign-in's email code reaches the shared
 * inbox, but only that sign-in can use it, and no mail names the other account.
 */
@ExtendWith(KeycloakTestServer.class)
class SharedEmailCodeIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";
    private static final String SHARED = "ada-lovelace@example.test";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final KeycloakApi api = KeycloakTestServer.api();
    private GreenMail smtp;
    private TestRealm realm;

    @BeforeEach
    void realmAllowingSharedAddresses() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(api, "shared-inbox", Map.of("duplicateEmailsAllowed", true,
                "loginWithEmailAllowed", false));
        realm.useSmtp(smtp.getSmtp().getPort());
        String policy = realm.adminPath() + "/security-center/policy";
        assertEquals(200, api.post(policy + "/defaults", api.masterAdminToken(), "").status());
        ObjectNode doc = (ObjectNode) api.get(policy, api.masterAdminToken()).json();
        doc.withObjectProperty("mfa").put("enforcement", "OPTIONAL").putArray("methods").add("EMAIL");
        Response saved = api.put(policy, api.masterAdminToken(), doc);
        assertEquals(200, saved.status(), saved.body());
    }

    @AfterEach
    void cleanUp() {
        realm.close();
        smtp.stop();
    }

    @Test
    void eachSignInOnlyAcceptsItsOwnCodeAndNoMailNamesTheOtherAccount() throws Exception {
        realm.createUser("ada-lovelace", PASSWORD, List.of(SecondFactors.email()));
        String bea = realm.createUser("bea-hopper", PASSWORD, List.of(SecondFactors.email()));
        Response shared = api.put(realm.adminPath() + "/users/" + bea, api.masterAdminToken(),
                Map.of("email", SHARED, "emailVerified", true));
        assertEquals(204, shared.status(), shared.body());

        BrowserSession adaBrowser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page adaCode = adaBrowser.signIn("ada-lovelace", PASSWORD);
        assertTrue(adaCode.hasField("code"), adaCode.body());
        String adaMail = mail(1);
        BrowserSession beaBrowser = new BrowserSession(api.baseUrl(), realm.name(), UA);
        Page beaCode = beaBrowser.signIn("bea-hopper", PASSWORD);
        assertTrue(beaCode.hasField("code"), beaCode.body());
        String beaMail = mail(2);

        assertFalse(adaMail.contains("bea-hopper"), adaMail);
        assertFalse(beaMail.contains("ada-lovelace"), beaMail);
        String adaSent = code(adaMail);
        String beaSent = code(beaMail);
        assertNotEquals(adaSent, beaSent, "two sign-ins, two codes");

        Page refused = beaCode.submit(Map.of("code", adaSent));
        assertNull(refused.code(), "ada's code does not sign bea in");
        assertTrue(refused.body().contains("Invalid code"), refused.body());
        assertEquals("ada-lovelace", signedIn(adaBrowser, adaCode.submit(Map.of("code", adaSent))));
        assertEquals("bea-hopper", signedIn(beaBrowser, refused.submit(Map.of("code", beaSent))));
        assertEquals(2, smtp.getReceivedMessages().length, "one mail per sign-in, nothing else");
    }

    /** The text of the {@code n}-th mail, which must have gone to the shared address only. */
    private String mail(int n) throws Exception {
        assertTrue(smtp.waitForIncomingEmail(15_000, n), "mail " + n + " arrives");
        MimeMessage message = smtp.getReceivedMessages()[n - 1];
        assertEquals(1, message.getAllRecipients().length);
        assertEquals(SHARED, message.getAllRecipients()[0].toString());
        return Mail.plainText(message);
    }

    private static String code(String mail) {
        Matcher code = CODE.matcher(mail);
        assertTrue(code.find(), mail);
        return code.group(1);
    }

    private String signedIn(BrowserSession browser, Page done) {
        String token = browser.tokens(done).get("access_token").asText();
        Response userInfo = api.get("/realms/" + realm.name() + "/protocol/openid-connect/userinfo", token);
        assertEquals(200, userInfo.status(), userInfo.body());
        return userInfo.json().get("preferred_username").asText();
    }
}
