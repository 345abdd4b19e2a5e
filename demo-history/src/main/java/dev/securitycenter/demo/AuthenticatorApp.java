package dev.securitycenter.demo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a person's authenticator app shows (RFC 6238: HMAC-SHA1, 6 digits, 30 seconds). Keycloak refuses a code
 * that was already used, so like a person the app waits for the next code when the current one has been typed.
 */
final class AuthenticatorApp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private final Map<String, Long> lastStepUsed = new HashMap<>();

    /** A code for a key as Keycloak stores it in the realm file (the UTF-8 bytes of the secret are the key). */
    String codeForStoredSecret(String secret) {
        return unusedCode(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A code for the Base32 key a set-up page gives to type into the app. */
    String codeForBase32Key(String base32) {
        return unusedCode(fromBase32(base32));
    }

    private String unusedCode(byte[] key) {
        String id = new String(key, StandardCharsets.ISO_8859_1);
        long step = currentStep();
        Long last = lastStepUsed.get(id);
        while (last != null && step <= last) {
            pause();
            step = currentStep();
        }
        lastStepUsed.put(id, step);
        return code(key, step);
    }

    private static long currentStep() {
        return System.currentTimeMillis() / 30_000;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fromBase32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
