package dev.securitycenter.it.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * RFC 6238 codes as an authenticator app computes them, written independently of Keycloak so tests check
 * Keycloak rather than agree with it. Keycloak keys the HMAC with the UTF-8 bytes of the stored secret.
 */
public final class Totp {

    private Totp() {
    }

    public static String code(String rawSecret) {
        return code(rawSecret.getBytes(StandardCharsets.UTF_8), Instant.now().getEpochSecond() / 30);
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
