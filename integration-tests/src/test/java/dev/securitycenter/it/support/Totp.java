package dev.securitycenter.it.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RFC 6238 codes as an authenticator app computes them, written independently of Keycloak so tests check
 * Keycloak rather than agree with it. Keycloak keys the HMAC with the UTF-8 bytes of the stored secret.
 */
public final class Totp {

    private Totp() {
    }

    private static final Map<String, Long> LAST_STEP_USED = new ConcurrentHashMap<>();

    public static String code(String rawSecret) {
        return code(rawSecret.getBytes(StandardCharsets.UTF_8), currentStep());
    }

    /**
     * A code that no earlier call has handed out. Keycloak refuses a code that was already used but accepts the
     * next step's code (its default look-ahead window is one step, as an app whose clock runs a little fast), so
     * a second code is the next step's at once; only a third within one step waits for the clock, as a person
     * waits for their app to show a new code.
     */
    public static synchronized String unusedCode(String rawSecret) {
        Long last = LAST_STEP_USED.get(rawSecret);
        long step = currentStep();
        long next = last == null ? step : Math.max(step, last + 1);
        while (next > step + 1) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            step = currentStep();
        }
        LAST_STEP_USED.put(rawSecret, next);
        return code(rawSecret.getBytes(StandardCharsets.UTF_8), next);
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
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
