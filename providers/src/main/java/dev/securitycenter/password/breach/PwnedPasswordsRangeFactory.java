package dev.securitycenter.password.breach;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Provider {@value #ID} of {@link BreachedPasswordsSpi}: the k-anonymity range API of Have I Been Pwned. Only the
 * first 5 hex digits of the password's SHA-1 leave the server; the answer lists every known suffix of that prefix
 * with its count, padded with zero-count suffixes ({@code Add-Padding: true}) so that the answer's size does not
 * reveal the prefix either. Server options, all under {@code --spi-security-center-breached-passwords--pwned-passwords--}:
 * {@code base-url} (default {@value #DEFAULT_BASE_URL}; point it at your own mirror), {@code timeout-millis}
 * (default 1500, the whole exchange), {@code fail-closed} (default false: a password that could not be checked is
 * accepted where it is set, and checked again at its owner's next sign-in), {@code cache-seconds} (default 300)
 * and {@code cache-size} (default 1024 prefixes) for this node's cache of answers.
 */
public class PwnedPasswordsRangeFactory implements BreachedPasswordsFactory {

    public static final String ID = "pwned-passwords";
    static final String DEFAULT_BASE_URL = "https://api.pwnedpasswords.com/range/";
    private static final Logger LOG = Logger.getLogger(PwnedPasswordsRangeFactory.class);
    private static final int PREFIX_LENGTH = 5;

    private String baseUrl;
    private Duration timeout;
    private boolean failClosed;
    private RangeCache cache;
    private HttpClient client;

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("base-url", DEFAULT_BASE_URL);
        baseUrl = configured.endsWith("/") ? configured : configured + "/";
        timeout = Duration.ofMillis(config.getLong("timeout-millis", 1500L));
        failClosed = config.getBoolean("fail-closed", false);
        cache = new RangeCache(config.getInt("cache-size", 1024),
                TimeUnit.SECONDS.toMillis(config.getLong("cache-seconds", 300L)));
        client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public BreachedPasswords create(KeycloakSession session) {
        return new BreachedPasswords() {
            @Override
            public BreachVerdict check(String password) {
                return PwnedPasswordsRangeFactory.this.check(password);
            }

            @Override
            public boolean refusesUnchecked() {
                return failClosed;
            }
        };
    }

    BreachVerdict check(String password) {
        String hash = sha1Hex(password);
        String prefix = hash.substring(0, PREFIX_LENGTH);
        String suffix = hash.substring(PREFIX_LENGTH);
        Optional<RangeCache.Range> range = cache.get(prefix, Time.currentTimeMillis());
        if (range.isEmpty()) {
            range = fetch(prefix);
            range.ifPresent(fetched -> cache.put(prefix, fetched));
        }
        return range.map(r -> r.contains(suffix) ? BreachVerdict.BREACHED : BreachVerdict.NOT_FOUND)
                .orElse(BreachVerdict.UNKNOWN);
    }

    private Optional<RangeCache.Range> fetch(String prefix) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + prefix))
                .timeout(timeout)
                .header("Add-Padding", "true")
                .header("User-Agent", "Keycloak-Security-Center")
                .GET().build();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        try {
            // the request timeout stops waiting for headers only; this bounds the body too
            HttpResponse<String> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                LOG.warnf("Breached-password range API answered %d for a prefix", response.statusCode());
                return Optional.empty();
            }
            return Optional.of(new RangeCache.Range(breachedSuffixes(response.body()), Time.currentTimeMillis()));
        } catch (TimeoutException e) {
            answer.cancel(true);
            LOG.warnf("Breached-password range API did not answer within %d ms", timeout.toMillis());
        } catch (ExecutionException | IllegalArgumentException e) {
            LOG.warnf("Breached-password range API not usable: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Lines {@code SUFFIX:COUNT}; padding lines have count 0 and are not breached passwords. */
    static long[] breachedSuffixes(String body) {
        return body.lines()
                .map(String::trim)
                .filter(line -> line.indexOf(':') == 35 && !isZero(line.substring(36)))
                .mapToLong(line -> RangeCache.Range.key(line.substring(0, 35)))
                .toArray();
    }

    private static boolean isZero(String count) {
        return count.chars().allMatch(c -> c == '0');
    }

    static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
