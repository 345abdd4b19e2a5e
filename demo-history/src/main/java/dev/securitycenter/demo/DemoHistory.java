package dev.securitycenter.demo;

import dev.securitycenter.demo.Visitor.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A recent history for a realm made from the demo realm file ({@code realm-config/acme-realm.json}), made the way
 * it would happen: people sign in through Keycloak's token endpoint from several cities and browsers, mistype,
 * guess, get locked out, change a password and set up an authenticator app through the account API, and an admin
 * sets up the security policy through the admin API. Nothing is written to the database directly, so the audit
 * log's hash chain, the sessions, the lockout and the credentials are what the real code paths made of it.
 * Keycloak cannot back-date any of it: the whole history is from the minute the seeding ran.
 */
public final class DemoHistory {

    public static final String PASSWORD = "Acme-Demo-2026!";
    /** The admin who sets up the policy, and signs in a second time from another city on a phone. */
    public static final String ADMIN = "tbrennan";
    /** The super admin, signed in on a laptop and a phone (she has an authenticator app). */
    public static final String SUPER_ADMIN = "ewhitfield";
    public static final String LOCKED_USER = "npetrov";
    public static final String PASSWORD_CHANGER = "irossi";
    /** irossi's password after the history, since the realm remembers her last five. */
    public static final String CHANGED_PASSWORD = "Zurich-Lakeside-2026!";
    public static final String ENROLLING_USER = "dkowalski";
    /** Sign-ins, each from its place on its browser, in the order they happen. */
    private static final Map<String, Visit> SIGN_INS = new LinkedHashMap<>();
    // ewhitfield's authenticator app key, as in realm-config/README.md
    private static final String SUPER_ADMIN_TOTP = "KGpOyQNcdOyZbkBFTFoO";

    static {
        SIGN_INS.put("cdubois", new Visit(Place.PARIS, Browser.SAFARI_ON_MAC));
        SIGN_INS.put("jsmith", new Visit(Place.TORONTO, Browser.CHROME_ON_WINDOWS));
        SIGN_INS.put("lschmidt", new Visit(Place.BERLIN, Browser.EDGE_ON_WINDOWS));
        SIGN_INS.put("iolsen", new Visit(Place.AMSTERDAM, Browser.CHROME_ON_MAC));
        SIGN_INS.put("dalvarez", new Visit(Place.LISBON, Browser.FIREFOX_ON_WINDOWS));
        SIGN_INS.put("jwashington", new Visit(Place.NEW_YORK, Browser.SAFARI_ON_IPHONE));
        SIGN_INS.put("wzhang", new Visit(Place.SINGAPORE, Browser.CHROME_ON_ANDROID));
        SIGN_INS.put("rpatel", new Visit(Place.MUMBAI, Browser.CHROME_ON_WINDOWS));
        SIGN_INS.put("anwosu", new Visit(Place.LAGOS, Browser.CHROME_ON_ANDROID));
        SIGN_INS.put("mbrooks", new Visit(Place.SYDNEY, Browser.SAFARI_ON_MAC));
        SIGN_INS.put("pnowak", new Visit(Place.KRAKOW, Browser.FIREFOX_ON_LINUX));
    }

    /** Everyone who signs in with the published password during the history. */
    public static final Set<String> SIGNING_IN = Set.copyOf(union(SIGN_INS.keySet(),
            Set.of(ADMIN, SUPER_ADMIN, "cmartin", LOCKED_USER, PASSWORD_CHANGER, ENROLLING_USER)));

    private final String baseUrl;
    private final String realm;
    private final String proxyAddress;
    private final AuthenticatorApp app = new AuthenticatorApp();

    /** For the realm of that name on the server at {@code baseUrl}, whose trusted proxy is {@code proxyAddress}. */
    public DemoHistory(String baseUrl, String realm, String proxyAddress) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.proxyAddress = proxyAddress;
    }

    public void seed() {
        Visitor adminAtTheOffice = visitor(Place.WARSAW, Browser.CHROME_ON_WINDOWS);
        String adminToken = signIn(adminAtTheOffice, ADMIN, PASSWORD, null);
        // "Set up security defaults": the spec's values, the managed flows bound
        expect(200, adminAtTheOffice.postJson(adminPath("/policy/defaults"), adminToken, null), "set up the policy");

        signIn(visitor(Place.LONDON, Browser.CHROME_ON_MAC), SUPER_ADMIN, PASSWORD,
                app.codeForStoredSecret(SUPER_ADMIN_TOTP));
        SIGN_INS.forEach((username, visit) -> signIn(visitor(visit.place, visit.browser), username, PASSWORD, null));

        Visitor typo = visitor(Place.PARIS, Browser.FIREFOX_ON_WINDOWS);
        failSignIn(typo, "cmartin", "Acme-Demo-2025!");
        signIn(typo, "cmartin", PASSWORD, null);

        // someone tries the usual names, then guesses one person's password until the account locks
        failSignIn(visitor(Place.HANOI, Browser.CHROME_ON_WINDOWS), "admin", "admin123");
        failSignIn(visitor(Place.HANOI, Browser.CHROME_ON_WINDOWS), "administrator", "P@ssw0rd");
        Visitor guesser = visitor(Place.MOSCOW, Browser.FIREFOX_ON_LINUX);
        for (String guess : new String[] {"Summer2026!", "Acme2026!", "Nikolai1985!", "Petrov-2026", "Welcome1!"}) {
            failSignIn(guesser, LOCKED_USER, guess);
        }
        // the owner comes in with the right password and is turned away like anyone else while locked
        failSignIn(visitor(Place.WARSAW, Browser.CHROME_ON_WINDOWS), LOCKED_USER, PASSWORD);

        changePassword(visitor(Place.ZURICH, Browser.SAFARI_ON_MAC));
        enrolAuthenticatorApp(visitor(Place.WARSAW, Browser.FIREFOX_ON_WINDOWS));

        // the admins on their phones: a second session each, tbrennan's from a city he had not signed in from
        signIn(visitor(Place.KRAKOW, Browser.SAFARI_ON_IPHONE), ADMIN, PASSWORD, null);
        signIn(visitor(Place.LONDON, Browser.SAFARI_ON_IPHONE), SUPER_ADMIN, PASSWORD,
                app.codeForStoredSecret(SUPER_ADMIN_TOTP));
        signIn(visitor(Place.DUBLIN, Browser.CHROME_ON_ANDROID), "jsmith", PASSWORD, null);
    }

    private void changePassword(Visitor visitor) {
        String token = signIn(visitor, PASSWORD_CHANGER, PASSWORD, null);
        expect(200, visitor.postJson(accountPath("/password"), token, Map.of(
                "currentPassword", PASSWORD, "newPassword", CHANGED_PASSWORD, "confirmation", CHANGED_PASSWORD)),
                PASSWORD_CHANGER + " changes her password");
    }

    private void enrolAuthenticatorApp(Visitor visitor) {
        String token = signIn(visitor, ENROLLING_USER, PASSWORD, null);
        Response pending = expect(200, visitor.postJson(accountPath("/mfa/totp"), token, null),
                ENROLLING_USER + " starts setting up an authenticator app");
        String code = app.codeForBase32Key(pending.json().get("secret").asText());
        expect(200, visitor.postJson(accountPath("/mfa/totp/verify"), token, Map.of("code", code)),
                ENROLLING_USER + " confirms the app's code");
    }

    /** A password grant through {@code admin-cli}, as a script or a command-line tool signs in; a session. */
    static String signIn(Visitor visitor, String realm, String username, String password, String totp) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", username);
        form.put("password", password);
        if (totp != null) {
            form.put("totp", totp);
        }
        Response answer = visitor.postForm("/realms/" + realm + "/protocol/openid-connect/token", form);
        return expect(200, answer, username + " signs in from " + visitor.place()).json().get("access_token").asText();
    }

    private String signIn(Visitor visitor, String username, String password, String totp) {
        return signIn(visitor, realm, username, password, totp);
    }

    private void failSignIn(Visitor visitor, String username, String password) {
        Response answer = visitor.postForm("/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", username, "password", password));
        if (answer.status() != 400 && answer.status() != 401) {
            throw new IllegalStateException("A wrong sign-in as " + username + " was answered " + answer);
        }
    }

    static Response expect(int status, Response answer, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + ", got " + answer.status() + " "
                    + answer.body());
        }
        return answer;
    }

    private Visitor visitor(Place place, Browser browser) {
        return new Visitor(baseUrl, proxyAddress, place, browser);
    }

    private String adminPath(String path) {
        return "/admin/realms/" + realm + "/security-center" + path;
    }

    private String accountPath(String path) {
        return "/realms/" + realm + "/security-center/account" + path;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private record Visit(Place place, Browser browser) {
    }
}
