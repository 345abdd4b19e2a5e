package dev.securitycenter.geo;

import org.keycloak.provider.Provider;

/** Locates IP addresses. Implementations answer from data they hold; they never send the address anywhere. */
public interface GeolocationProvider extends Provider {

    /** Where {@code ipAddress} (an IPv4 or IPv6 literal) is; {@link Location#REMOTE} when unknown. */
    Location locate(String ipAddress);

    /** The credit the data's licence asks to be shown with its results, or null when none is needed. */
    String attribution();

    @Override
    default void close() {
    }
}
