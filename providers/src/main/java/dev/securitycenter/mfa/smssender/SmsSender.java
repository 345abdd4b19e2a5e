package dev.securitycenter.mfa.smssender;

import org.keycloak.provider.Provider;

/** Delivers a text message. Implementations: {@code logging} (demo default) and {@code http} (a JSON webhook). */
public interface SmsSender extends Provider {

    /** @throws SmsException when the message could not be handed over */
    void send(String phoneNumber, String message);

    @Override
    default void close() {
    }
}
