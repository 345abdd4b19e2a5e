package dev.securitycenter.it.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitycenter.it.support.AllAtOnce;
import dev.securitycenter.it.support.AuditLog;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.SecondFactors;
import dev.securitycenter.it.support.TestRealm;
import dev.securitycenter.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile ▸ Security ▸ Two-factor through the account API for every mix of factors: recovery codes are made and
 * 2FA is turned off by users with passkeys, phone or email codes as by users with an authenticator app. The rule:
 * a user with an app confirms with one of its codes or a recovery code (taking turns with the brute-force
 * protector); anyone else with a recent sign-in. Tokens come from password grants in a realm whose policy is not
 * set up (the managed token flow refuses users whose only factor is a passkey, as it must); the browser test
 * {@code PasskeysPageIT} walks the real passkey sign-in.
 */
@ExtendWith(KeycloakTestServer.class)
class TwoFactorChangesIT {

    private static final String PASSWORD = "Correct-Horse-42!";
    // one authenticator-app secret per user, so no test waits for the next 30-second code of another
    private static final String ADAS_APP = "TwoFactorChangesAda1";
    private static final String MAXS_APP = "TwoFactorChangesMax1";
    private static final String BOS_APP = "TwoFactorChangesBo01";
    private static final int THRESHOLD = 3;
    private static final int RECENT_SECONDS = 4;

    private final KeycloakApi api = KeycloakTestServer.api();
    private TestRealm realm;
    private AuditLog audit;

    @BeforeEach
    void createRealm() {
        // only the threshold locks (as the policy's lockout sets it), not two failures within a second
        realm = TestRealm.create(api, "2fa-changes", Map.of("bruteForceProtected", true,
                "failureFactor", THRESHOLD, "quickLoginCheckMilliSeconds", 0));
        audit = new AuditLog(api, realm.name());
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    @Test
    void aPasskeyOnlyUserMakesRecoveryCodesAndTurnsTwoFactorOffOnlyAfterARecentSignIn() throws Exception {
        recentSignInLasts(RECENT_SECONDS);
        String lena = realm.createUser("lena", PASSWORD, List.of(SecondFactors.passkey("Laptop")));
        String token = api.token(realm.name(), "lena", PASSWORD);
        JsonNode twoFactor = overview(token).get("twoFactor");
        assertTrue(twoFactor.get("enabled").asBoolean(), twoFactor.toString());
        assertFalse(twoFactor.get("authenticatorApp").asBoolean(), twoFactor.toString());
        assertEquals("RECENT_SIGN_IN", twoFactor.get("confirmWith").asText(), twoFactor.toString());
        assertEquals(0, twoFactor.get("recoveryCodesLeft").asInt(), twoFactor.toString());

        List<String> codes = codes(api.post(path("/mfa/recovery-codes"), token, Map.of()));
        assertEquals(8, codes.stream().distinct().count(), codes.toString());
        assertEquals(8, overview(token).at("/twoFactor/recoveryCodesLeft").asInt());
        audit.awaitEvent("auth.2fa_recovery_codes_regenerated", "lena");

        // a code sent instead of a sign-in is refused without being compared, so it is not used up either
        Response typed = api.post(path("/mfa/recovery-codes"), token, Map.of("code", codes.get(0)));
        assertEquals(400, typed.status(), typed.body());
        assertEquals("code", typed.json().at("/errors/0/field").asText(), typed.body());
        assertEquals(8, overview(token).at("/twoFactor/recoveryCodesLeft").asInt(), "nothing used up");

        // a stolen token outlives the sign-in: once that is older than the realm allows, nothing changes
        Thread.sleep((RECENT_SECONDS + 1) * 1000L);
        for (Response stale : List.of(api.post(path("/mfa/recovery-codes"), token, Map.of()),
                api.delete(path("/mfa"), token, Map.of()))) {
            assertEquals(403, stale.status(), stale.body());
            assertEquals("reauthentication_required", stale.json().get("error").asText(), stale.body());
        }
        assertEquals(Set.of("webauthn-passwordless", "security-center-recovery-codes"), types(lena));
        assertEquals(8, overview(token).at("/twoFactor/recoveryCodesLeft").asInt(), "the saved codes still work");

        Response off = api.delete(path("/mfa"), api.token(realm.name(), "lena", PASSWORD), Map.of());
        assertEquals(200, off.status(), off.body());
        assertEquals(Set.of(), types(lena), "the passkey and the recovery codes are gone");
        assertFalse(overview(token).at("/twoFactor/enabled").asBoolean());
        assertEquals("PASSKEY", audit.awaitEvent("auth.2fa_disabled", "lena").at("/details/method").asText());
    }

    @Test
    void turningTwoFactorOffRemovesEveryFactorAndRecordsEachMethod() {
        String otto = realm.createUser("otto", PASSWORD, List.of(SecondFactors.sms("+15555550123"),
                SecondFactors.email(), SecondFactors.passkey("Key"),
                SecondFactors.recoveryCodes(List.of("AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"))));
        String token = api.token(realm.name(), "otto", PASSWORD);
        assertEquals("RECENT_SIGN_IN", overview(token).at("/twoFactor/confirmWith").asText());

        Response off = api.delete(path("/mfa"), token, Map.of());
        assertEquals(200, off.status(), off.body());
        assertEquals(Set.of(), types(otto));
        for (String method : List.of("SMS", "EMAIL", "PASSKEY")) {
            audit.awaitEvent("auth.2fa_disabled", "otto", event -> method.equals(event.at("/details/method").asText()));
        }
        assertEquals(409, api.delete(path("/mfa"), token, Map.of()).status(), "nothing left to turn off");
    }

    @Test
    void aUserWithAnAppConfirmsWithItsCodeEvenRightAfterSigningIn() {
        String ada = realm.createUser("ada", PASSWORD, List.of(SecondFactors.totp(ADAS_APP),
                SecondFactors.passkey("Phone"), SecondFactors.recoveryCodes(List.of("RSTU-VWXY-Z234"))));
        String token = api.token(realm.name(), "ada", PASSWORD, Totp.unusedCode(ADAS_APP));
        JsonNode twoFactor = overview(token).get("twoFactor");
        assertTrue(twoFactor.get("authenticatorApp").asBoolean(), twoFactor.toString());
        assertEquals("APP_CODE", twoFactor.get("confirmWith").asText(), twoFactor.toString());

        Response noCode = api.post(path("/mfa/recovery-codes"), token, Map.of());
        assertEquals(400, noCode.status(), "a fresh sign-in is not enough with an app: " + noCode.body());
        assertEquals("code", noCode.json().at("/errors/0/field").asText());
        List<String> codes = codes(api.post(path("/mfa/recovery-codes"), token, Map.of("code", "RSTU-VWXY-Z234")));

        Response off = api.delete(path("/mfa"), token, Map.of("code", codes.get(2)));
        assertEquals(200, off.status(), off.body());
        assertEquals(Set.of(), types(ada), "the app, the passkey and the codes are gone");
        for (String method : List.of("TOTP", "PASSKEY")) {
            audit.awaitEvent("auth.2fa_disabled", "ada", event -> method.equals(event.at("/details/method").asText()));
        }
    }

    @Test
    void turningTwoFactorOffIsRefusedWhileTheOrganisationRequiresIt() {
        String pia = realm.createUser("pia", PASSWORD, List.of(SecondFactors.passkey("Laptop")));
        String token = api.token(realm.name(), "pia", PASSWORD);
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(), "")
                .status());
        realm.changePolicy(policy -> policy.withObjectProperty("mfa").put("enforcement", "REQUIRED_ALL"));
        assertTrue(overview(token).at("/twoFactor/enforced").asBoolean());

        Response refused = api.delete(path("/mfa"), token, Map.of());
        assertEquals(409, refused.status(), refused.body());
        assertEquals("mfa", refused.json().at("/errors/0/field").asText(), refused.body());
        assertTrue(refused.json().at("/errors/0/message").asText().contains("requires two-factor"), refused.body());
        assertEquals(Set.of("webauthn-passwordless"), types(pia), "nothing removed");
        assertEquals(8, codes(api.post(path("/mfa/recovery-codes"), token, Map.of())).size(),
                "recovery codes are still made while 2FA is required");
    }

    @Test
    void anotherUsersTokenOrRecoveryCodeActsOnNothingOfTheirs() {
        List<String> lenasCodes = List.of("2345-6789-ABCD", "EFGH-JKMN-PQRS");
        String lena = realm.createUser("lena", PASSWORD, List.of(SecondFactors.passkey("Laptop"),
                SecondFactors.recoveryCodes(lenasCodes)));
        realm.createUser("mallory", PASSWORD, List.of(SecondFactors.passkey("Mallory's key")));
        realm.createUser("max", PASSWORD, List.of(SecondFactors.totp(MAXS_APP)));
        String lenas = api.token(realm.name(), "lena", PASSWORD);
        String mallorys = api.token(realm.name(), "mallory", PASSWORD);
        String maxs = api.token(realm.name(), "max", PASSWORD, Totp.unusedCode(MAXS_APP));
        String lenasCodesBefore = credentialId(lena, "security-center-recovery-codes");

        // a recovery code stolen from Lena proves nothing for another account, and is not used up
        for (String token : List.of(mallorys, maxs)) {
            Response stolen = api.post(path("/mfa/recovery-codes"), token, Map.of("code", lenasCodes.get(0)));
            assertEquals(400, stolen.status(), stolen.body());
        }

        // the calls name no user: each token acts on its own user only
        assertEquals(8, codes(api.post(path("/mfa/recovery-codes"), mallorys, Map.of())).size());
        assertEquals(200, api.delete(path("/mfa"), mallorys, Map.of()).status());
        assertEquals(Set.of("webauthn-passwordless", "security-center-recovery-codes"), types(lena));
        assertEquals(lenasCodesBefore, credentialId(lena, "security-center-recovery-codes"), "Lena's codes untouched");
        assertEquals(2, overview(lenas).at("/twoFactor/recoveryCodesLeft").asInt(), "both of Lena's codes left");
        assertEquals(401, api.post(path("/mfa/recovery-codes"), null, Map.of()).status(), "a bearer token is required");
    }

    @Test
    void aBurstOfWrongCodesIsComparedOnlyUpToTheLockoutThreshold() throws Exception {
        String bo = realm.createUser("bob", PASSWORD, List.of(SecondFactors.totp(BOS_APP),
                SecondFactors.passkey("Key"), SecondFactors.recoveryCodes(List.of("BBBB-CCCC-DDDD"))));
        String cy = realm.createUser("cyd", PASSWORD, List.of(SecondFactors.passkey("Key"),
                SecondFactors.recoveryCodes(List.of("CCCC-DDDD-EEEE"))));
        String bos = api.token(realm.name(), "bob", PASSWORD, Totp.unusedCode(BOS_APP));
        String cys = api.token(realm.name(), "cyd", PASSWORD);

        List<Integer> statuses = AllAtOnce.run(guesses(bos, 20));
        assertEquals(THRESHOLD, statuses.stream().filter(s -> s == 400).count(), "compared: " + statuses);
        assertEquals(20 - THRESHOLD, statuses.stream().filter(s -> s == 403).count(), "refused as locked: " + statuses);
        assertTrue(realm.awaitBruteForce(bo, state -> state.path("disabled").asBoolean()), "locked");
        Response right = api.post(path("/mfa/recovery-codes"), bos, Map.of("code", "BBBB-CCCC-DDDD"));
        assertEquals(403, right.status(), "even a right code waits for the lockout to end: " + right.body());
        assertEquals(1, overview(bos).at("/twoFactor/recoveryCodesLeft").asInt(), "and is not used up");

        // a user without an app has no code to guess here: every guess is refused unread and counts for nothing
        List<Integer> unread = AllAtOnce.run(guesses(cys, 20));
        assertTrue(unread.stream().allMatch(s -> s == 400), unread.toString());
        Thread.sleep(1000);
        JsonNode state = api.get(realm.adminPath() + "/attack-detection/brute-force/users/" + cy,
                api.masterAdminToken()).json();
        assertEquals(0, state.path("numFailures").asInt(), state.toString());
        assertEquals(1, overview(cys).at("/twoFactor/recoveryCodesLeft").asInt(), "the code is still there");
    }

    private List<Callable<Integer>> guesses(String token, int count) {
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // seven digits: never the six-digit code the app shows now
            String guess = String.format("9%06d", i);
            guesses.add(() -> api.post(path("/mfa/recovery-codes"), token, Map.of("code", guess)).status());
        }
        return guesses;
    }

    /** How long a sign-in counts as recent: the realm's max_auth_age of CONFIGURE_TOTP, as Keycloak reads it. */
    private void recentSignInLasts(int seconds) {
        Response configured = api.put(realm.adminPath() + "/authentication/required-actions/CONFIGURE_TOTP/config",
                api.masterAdminToken(), Map.of("config", Map.of("max_auth_age", String.valueOf(seconds))));
        assertEquals(204, configured.status(), configured.body());
    }

    private static List<String> codes(Response response) {
        assertEquals(200, response.status(), response.body());
        return StreamSupport.stream(response.json().get("recoveryCodes").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private JsonNode overview(String token) {
        Response response = api.get(path(""), token);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** The user's credential types other than the password, as Keycloak's admin API lists them. */
    private Set<String> types(String userId) {
        return StreamSupport.stream(credentials(userId).spliterator(), false)
                .map(credential -> credential.get("type").asText())
                .filter(type -> !"password".equals(type))
                .collect(Collectors.toSet());
    }

    private String credentialId(String userId, String type) {
        return StreamSupport.stream(credentials(userId).spliterator(), false)
                .filter(credential -> type.equals(credential.get("type").asText()))
                .findFirst().orElseThrow().get("id").asText();
    }

    private JsonNode credentials(String userId) {
        return api.get(realm.adminPath() + "/users/" + userId + "/credentials", api.masterAdminToken()).json();
    }

    private String path(String suffix) {
        return "/realms/" + realm.name() + "/security-center/account" + suffix;
    }
}
