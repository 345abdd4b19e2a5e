package dev.securitycenter.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signing in through Keycloak's real login pages, without JavaScript (so, like any such browser, it
 * answers the passkey check of a required enrolment with "no passkeys here"): it follows redirects with its own
 * cookie jar, fills in the forms it is shown and ends with an authorization code exchanged for tokens (PKCE, as the
 * account console does).
 */
public final class BrowserSession {

    private static final Pattern FEEDBACK = Pattern.compile("kc-feedback-text\">\\s*([^<]+?)\\s*<");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    private final String baseUrl;
    private final String realm;
    private final String clientId;
    private final String redirectUri;
    private final String userAgent;
    private final String verifier = randomUrlSafe(32);
    private final HttpClient http;
    /**
     * A one-host cookie jar that honours cookie paths, since Keycloak gives each realm cookies of the same names
     * (a sign-in through an identity provider of the same server holds both realms' cookies at once). Java's
     * CookieManager drops Keycloak's cookies here (they are Secure/SameSite=None cookies on a plain-HTTP loopback
     * address), while a browser keeps them for localhost. Concurrent, because flood tests post one page's form from
     * many threads.
     */
    private final Map<List<String>, String> cookies = new ConcurrentHashMap<>();

    public BrowserSession(String baseUrl, String realm, String userAgent) {
        this(baseUrl, realm, userAgent, client(HttpClient.newBuilder()));
    }

    /**
     * A browser with an empty cookie jar that sends its requests through a client shared with other such browsers
     * (see {@link #https}), as many short sign-ins of one real browser reuse its connections.
     */
    public BrowserSession(String baseUrl, String realm, String userAgent, HttpClient http) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.clientId = "account-console";
        this.redirectUri = baseUrl + "/realms/" + realm + "/account/";
        this.userAgent = userAgent;
        this.http = http;
    }

    /** A client for browsers on an HTTPS server whose certificate the given context trusts. */
    public static HttpClient https(SSLContext tls) {
        return client(HttpClient.newBuilder().sslContext(tls));
    }

    private static HttpClient client(HttpClient.Builder http) {
        // each redirect is a page of the flow the test looks at
        return http.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Opens the sign-in page of the account console. */
    public Page open() {
        return open("openid");
    }

    /**
     * Opens the account console's authorization with these scopes; in a browser already signed in, Keycloak answers
     * with a code at once (e.g. {@code openid offline_access}: an offline session of the current sign-in).
     */
    public Page open(String scope) {
        String url = baseUrl + "/realms/" + realm + "/protocol/openid-connect/auth?response_type=code&scope="
                + enc(scope) + "&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirectUri)
                + "&code_challenge_method=S256&code_challenge=" + challenge();
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Opens the account console's registration page (the realm must allow registration). */
    public Page openRegistration() {
        String url = baseUrl + "/realms/" + realm + "/protocol/openid-connect/registrations?response_type=code"
                + "&scope=openid&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirectUri)
                + "&code_challenge_method=S256&code_challenge=" + challenge();
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Follows a link, e.g. "Forgot password?" on the sign-in page or one sent by mail, in this browser. */
    public Page visit(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /**
     * Signs in with a username and password and returns whatever page or redirect comes next, answering "later" to
     * the OPTIONAL 2FA reminder and to the password-expiry reminder (tested on their own in SecondFactorSignInIT
     * and PasswordExpiryReminderIT) so other tests see their own pages.
     */
    public Page signIn(String username, String password) {
        return open().submit(Map.of("username", username, "password", password)).pastReminders();
    }

    /**
     * Forgets every cookie but the one named, like a browser whose sign-in cookies ended with its window while a
     * long-lived cookie (the realm's device cookie) stays: the next {@link #signIn} starts afresh from that browser.
     */
    public void keepOnlyCookie(String name) {
        cookies.keySet().removeIf(key -> !key.get(0).equals(name));
    }

    /** Exchanges the final page's authorization code for tokens. */
    public JsonNode tokens(Page done) {
        Map<String, String> form = codeExchange(done);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
        if (response.statusCode() != 200) {
            throw new AssertionError("Code exchange failed: " + response.statusCode() + " " + response.body());
        }
        try {
            return KeycloakApi.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The token request that redeems the final page's authorization code, for a test that sends it from elsewhere
     * (e.g. another source address).
     */
    public Map<String, String> codeExchange(Page done) {
        String code = done.code();
        if (code == null) {
            throw new AssertionError("Sign-in did not finish; last page was:\n" + done.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("redirect_uri", redirectUri);
        form.put("code", code);
        form.put("code_verifier", verifier);
        return form;
    }

    private Page follow(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request.header("User-Agent", userAgent));
        for (int hops = 0; hops < 10; hops++) {
            if (response.statusCode() != 302 && response.statusCode() != 303) {
                Page page = new Page(response.statusCode(), response.uri().toString(), response.body());
                // without JavaScript no passkey can be made: the check page's Continue says so
                return page.isPasskeyCheck() ? page.submit(Map.of("passkeySupported", "false")) : page;
            }
            String location = response.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(redirectUri)) {
                return new Page(response.statusCode(), location, "");
            }
            URI next = response.uri().resolve(location);
            response = send(HttpRequest.newBuilder(next).GET().header("User-Agent", userAgent));
        }
        throw new AssertionError("Too many redirects");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        String path = built.uri().getPath();
        String sent = cookies.entrySet().stream()
                .filter(c -> path.startsWith(c.getKey().get(1)))
                .map(c -> c.getKey().get(0) + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        if (!sent.isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Cookie", sent).build();
        }
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String[] parts = header.split(";");
                int eq = parts[0].indexOf('=');
                String name = parts[0].substring(0, eq).trim();
                String value = parts[0].substring(eq + 1).trim();
                String cookiePath = "/";
                for (String attribute : parts) {
                    if (attribute.trim().toLowerCase().startsWith("path=")) {
                        cookiePath = attribute.trim().substring(5);
                    }
                }
                boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(List.of(name, cookiePath));
                } else {
                    cookies.put(List.of(name, cookiePath), value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page the browser is on, or the final redirect back to the application. */
    public final class Page {
        private final int status;
        private final String url;
        private final String body;

        Page(int status, String url, String body) {
            this.status = status;
            this.url = url;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        /** The authorization code when sign-in finished, else null. */
        public String code() {
            Matcher code = Pattern.compile("[?&#]code=([^&]+)").matcher(url);
            return url.startsWith(redirectUri) && code.find() ? code.group(1) : null;
        }

        /** The page that asks the browser whether it can make a passkey before a required enrolment. */
        public boolean isPasskeyCheck() {
            return body.contains("id=\"sc-passkey-check-form\"");
        }

        public boolean isSecondFactorReminder() {
            return body.contains("id=\"sc-2fa-prompt-form\"");
        }

        public boolean isPasswordExpiryReminder() {
            return body.contains("id=\"sc-password-expiry-form\"");
        }

        /** The message Keycloak's page shows in its alert (an error, a warning, an info), if it shows one. */
        public Optional<String> feedback() {
            Matcher alert = FEEDBACK.matcher(body);
            return alert.find() ? Optional.of(alert.group(1)) : Optional.empty();
        }

        /** The page after answering "later" to each skippable reminder (2FA set-up, password expiry) shown here. */
        public Page pastReminders() {
            Page next = this;
            while (next.isSecondFactorReminder() || next.isPasswordExpiryReminder()) {
                next = next.submit(Map.of("later", ""));
            }
            return next;
        }

        /** The address of the page's first link whose address contains {@code part}. */
        public String link(String part) {
            Matcher href = Pattern.compile("href=\"([^\"]*" + Pattern.quote(part) + "[^\"]*)\"").matcher(body);
            if (!href.find()) {
                throw new AssertionError("No link to " + part + " on page:\n" + body);
            }
            return URI.create(url).resolve(unescape(href.group(1))).toString();
        }

        public boolean hasField(String name) {
            return body.contains("name=\"" + name + "\"");
        }

        /** The value of a hidden (or other) input on the page. */
        public String fieldValue(String name) {
            Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(body);
            if (!input.find()) {
                throw new AssertionError("No field " + name + " on page:\n" + body);
            }
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            return value.find() ? unescape(value.group(1)) : "";
        }

        /** Keycloak's "Try another way" choices on this page: displayed name to execution id. */
        public Map<String, String> choices() {
            Matcher option = Pattern.compile(
                    "name=\"authenticationExecution\" value=\"([^\"]+)\".*?<h2[^>]*>\\s*(.*?)\\s*</h2>",
                    Pattern.DOTALL).matcher(body);
            Map<String, String> choices = new LinkedHashMap<>();
            while (option.find()) {
                choices.put(unescape(option.group(2)), option.group(1));
            }
            return choices;
        }

        /** Posts the page's form with the given fields. */
        public Page submit(Map<String, String> fields) {
            Matcher action = FORM_ACTION.matcher(body);
            if (!action.find()) {
                throw new AssertionError("No form on page " + url + ":\n" + body);
            }
            URI target = URI.create(url).resolve(unescape(action.group(1)));
            return follow(HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))));
        }
    }

    private String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">");
    }
}
