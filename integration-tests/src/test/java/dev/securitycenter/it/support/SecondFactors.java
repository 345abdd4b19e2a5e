package dev.securitycenter.it.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Second-factor credentials of the extension's types, to give test users through the admin API. */
public final class SecondFactors {

    private SecondFactors() {
    }

    public static Map<String, Object> sms(String phoneNumber) {
        return Map.of("type", "security-center-sms", "userLabel", "Phone", "secretData", "{}",
                "credentialData", "{\"phoneNumber\":\"" + phoneNumber + "\"}");
    }

    public static Map<String, Object> email() {
        return Map.of("type", "security-center-email", "userLabel", "Email", "secretData", "{}",
                "credentialData", "{}");
    }

    /**
     * A passkey as Keycloak stores one (type {@code webauthn-passwordless}) for counting and policy tests; one
     * that signs anything is created by Chromium's virtual authenticator instead.
     */
    public static Map<String, Object> passkey(String label) {
        return Map.of("type", "webauthn-passwordless", "userLabel", label, "secretData", "{}",
                "credentialData", "{\"aaguid\":\"00000000-0000-0000-0000-000000000000\",\"credentialId\":\""
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(label.getBytes(StandardCharsets.UTF_8))
                        + "\",\"counter\":0,\"attestationStatementFormat\":\"none\",\"transports\":[]}");
    }

    public static Map<String, Object> totp(String secret) {
        return Map.of("type", "otp", "userLabel", "Phone", "secretData", "{\"value\":\"" + secret + "\"}",
                "credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                        + "\"algorithm\":\"HmacSHA1\"}");
    }

    /** Recovery codes as the extension stores them: salted SHA-256 of the code without hyphens. */
    public static Map<String, Object> recoveryCodes(List<String> codes) {
        byte[] salt = "fixed-test-salt!".getBytes(StandardCharsets.US_ASCII);
        String hashes = String.join(",", codes.stream().map(code -> "\"" + hash(salt, code) + "\"").toList());
        return Map.of("type", "security-center-recovery-codes", "userLabel", "Recovery codes",
                "secretData", "{\"salt\":\"" + Base64.getEncoder().encodeToString(salt) + "\",\"hashes\":["
                        + hashes + "]}",
                "credentialData", "{\"total\":" + codes.size() + ",\"remaining\":" + codes.size() + "}");
    }

    private static String hash(byte[] salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return Base64.getEncoder().encodeToString(digest.digest(code.replace("-", "")
                    .getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
