package dev.securitycenter.mfa.code;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A one-time code sent by SMS or email, as kept between requests: only its salted hash, when it expires, how many
 * tries are left and when it was sent (for the resend throttle). {@code target} is what the code vouches for
 * (the phone number being enrolled), so a code sent to one number cannot bind another.
 */
public record IssuedCode(@JsonProperty("salt") String salt, @JsonProperty("hash") String hash,
                         @JsonProperty("expiresAt") long expiresAt, @JsonProperty("attemptsLeft") int attemptsLeft,
                         @JsonProperty("sentAt") long sentAt, @JsonProperty("target") String target) {

    public static final int DIGITS = 6;
    public static final int ATTEMPTS = 3;

    public enum Outcome { ACCEPTED, WRONG, EXPIRED, EXHAUSTED }

    /** A new code in plain text (to send) and what is kept of it. */
    public record Fresh(String code, IssuedCode issued) {
    }

    public record Check(Outcome outcome, IssuedCode after) {
    }

    public static Fresh issue(SecureRandom random, long now, CodeSettings settings, String target) {
        String code = String.format("%0" + DIGITS + "d", random.nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = Base64.getEncoder().encodeToString(saltBytes);
        return new Fresh(code, new IssuedCode(salt, hash(salt, code), now + settings.ttlMillis(), ATTEMPTS, now,
                target));
    }

    public boolean usable(long now) {
        return now < expiresAt && attemptsLeft > 0;
    }

    /** Seconds until another code may be sent; 0 when it may be sent now. */
    public long resendWaitSeconds(long now, CodeSettings settings) {
        long wait = sentAt + settings.resendMillis() - now;
        return wait <= 0 ? 0 : (wait + 999) / 1000;
    }

    /** Checks a typed code; a wrong one uses up a try. Once out of tries or expired, nothing is compared. */
    public Check check(String typed, long now) {
        if (attemptsLeft <= 0) {
            return new Check(Outcome.EXHAUSTED, this);
        }
        if (now >= expiresAt) {
            return new Check(Outcome.EXPIRED, this);
        }
        String candidate = typed == null ? "" : typed.trim();
        if (MessageDigest.isEqual(Base64.getDecoder().decode(hash), Base64.getDecoder().decode(hash(salt, candidate)))) {
            return new Check(Outcome.ACCEPTED, null);
        }
        return new Check(Outcome.WRONG, new IssuedCode(salt, hash, expiresAt, attemptsLeft - 1, sentAt, target));
    }

    private static String hash(String salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Base64.getDecoder().decode(salt));
            return Base64.getEncoder().encodeToString(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
