package dev.securitycenter.mfa.recovery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The unused codes of one user as salted SHA-256 hashes (the credential's secret data); the plain codes exist only
 * in the answer to the user who generated them.
 */
public record RecoveryCodeSet(@JsonProperty("salt") String salt, @JsonProperty("hashes") List<String> hashes) {

    private static final int SALT_BYTES = 16;

    @JsonCreator
    public RecoveryCodeSet {
        hashes = List.copyOf(hashes);
    }

    static RecoveryCodeSet of(List<String> codes, SecureRandom random) {
        byte[] saltBytes = new byte[SALT_BYTES];
        random.nextBytes(saltBytes);
        String salt = Base64.getEncoder().encodeToString(saltBytes);
        return new RecoveryCodeSet(salt, codes.stream()
                .map(code -> RecoveryCodeFormat.normalize(code).orElseThrow())
                .map(code -> Base64.getEncoder().encodeToString(hash(salt, code)))
                .toList());
    }

    /**
     * Position of the code among the unused ones, or -1. Every stored hash is compared in constant time, so the
     * answer's timing tells nothing about which or how many codes are left.
     */
    int indexOf(String typed) {
        byte[] candidate = hash(salt, RecoveryCodeFormat.normalize(typed).orElse(""));
        int found = -1;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(candidate, Base64.getDecoder().decode(hashes.get(i))) && found < 0) {
                found = i;
            }
        }
        return RecoveryCodeFormat.normalize(typed).isPresent() ? found : -1;
    }

    RecoveryCodeSet without(int index) {
        List<String> rest = new ArrayList<>(hashes);
        rest.remove(index);
        return new RecoveryCodeSet(salt, rest);
    }

    int remaining() {
        return hashes.size();
    }

    private static byte[] hash(String salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Base64.getDecoder().decode(salt));
            return digest.digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
