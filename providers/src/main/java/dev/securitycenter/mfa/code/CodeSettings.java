package dev.securitycenter.mfa.code;

import org.keycloak.Config;

/**
 * How long a sent code lives and how often one may be sent. Defaults are the spec's 5 minutes and 60 seconds;
 * {@code --spi-authenticator--security-center-sms-code--code-ttl-seconds} (and the email twin) change them.
 */
public record CodeSettings(long ttlMillis, long resendMillis) {

    public static final CodeSettings DEFAULT = new CodeSettings(300_000, 60_000);

    public static CodeSettings from(Config.Scope config) {
        return new CodeSettings(config.getLong("code-ttl-seconds", DEFAULT.ttlMillis / 1000) * 1000,
                config.getLong("resend-interval-seconds", DEFAULT.resendMillis / 1000) * 1000);
    }

    public long ttlMinutes() {
        return Math.max(1, ttlMillis / 60_000);
    }
}
