package dev.securitycenter.mfa.code;

import org.keycloak.Config;

/**
 * How long a sent code lives, how often one may be sent and how many may go out per hour. Defaults are the spec's
 * 5 minutes and 60 seconds and {@link SendBudget.Limits#DEFAULT}; options of the sign-in step change them, e.g.
 * {@code --spi-authenticator--security-center-sms-code--code-ttl-seconds} (and the email twin).
 */
public record CodeSettings(long ttlMillis, long resendMillis, SendBudget.Limits limits) {

    public static final CodeSettings DEFAULT = new CodeSettings(300_000, 60_000, SendBudget.Limits.DEFAULT);

    public static CodeSettings from(Config.Scope config) {
        SendBudget.Limits limits = new SendBudget.Limits(
                config.getInt("sends-per-user-per-hour", SendBudget.Limits.DEFAULT.perUser()),
                config.getInt("sends-per-destination-per-hour", SendBudget.Limits.DEFAULT.perDestination()),
                config.getInt("sends-per-realm-per-hour", SendBudget.Limits.DEFAULT.perRealm()));
        return new CodeSettings(config.getLong("code-ttl-seconds", DEFAULT.ttlMillis / 1000) * 1000,
                config.getLong("resend-interval-seconds", DEFAULT.resendMillis / 1000) * 1000, limits);
    }

    public long ttlMinutes() {
        return Math.max(1, ttlMillis / 60_000);
    }
}
