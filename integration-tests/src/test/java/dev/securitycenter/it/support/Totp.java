package dev.securitycenter.it.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RFC 6238 codes as an authenticator app computes them, written independently of Keycloak so tests check
 * Keycloak rather than agree with it. Keycloak keys the HMAC with the UTF-8 bytes of the stored secret.
 */
public final class Totp {

    private Totp() {
    }

    /** Seconds before a step ends after which the previous step's code is no longer handed out: it may expire in flight. */
    private static final long PREVIOUS_STEP_MARGIN_SECONDS = 8;

    private static final Map<String, Set<Long>> STEPS_USED = new ConcurrentHashMap<>();

    public static String code(String rawSecret) {
        return code(rawSecret.getBytes(StandardCharsets.UTF_8), Instant.now().getEpochSecond() / 30);
    }

    /**
     * A code that no earlier call has handed out: Keycloak refuses a code that was already used. Like an app whose
     * clock is a step ahead or behind, it may give the code of the next or the previous 30-second step, which the
     * realm's look-around window of one step accepts; only when all three were used does it wait for the next step,
     * as a person waits for their app to show a new code.
     */
    public static synchronized String unusedCode(String rawSecret) {
        Set<Long> used = STEPS_USED.computeIfAbsent(rawSecret, secret -> new HashSet<>());
        while (true) {
            long now = Instant.now().getEpochSecond();
            long step = now / 30;
            boolean previousStillSafe = 30 - now % 30 > PREVIOUS_STEP_MARGIN_SECONDS;
            for (long candidate : previousStillSafe ? new long[]{step, step + 1, step - 1} : new long[]{step, step + 1}) {
                if (used.add(candidate)) {
                    return code(rawSecret.getBytes(StandardCharsets.UTF_8), candidate);
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The raw secret behind the Base32 key an app is given to type in (RFC 4648, no padding). */
    public static String fromBase32(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.replace(" ", "").replace("=", "").toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String code(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
