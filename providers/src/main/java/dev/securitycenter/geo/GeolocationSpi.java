package dev.securitycenter.geo;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * Where an IP address is, best effort, for the session list. A deployment may plug in its own provider (a
 * commercial database, a lookup service) and select it with {@code --spi-security-center-geolocation--provider=}.
 */
public class GeolocationSpi implements Spi {

    public static final String NAME = "security-center-geolocation";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return GeolocationProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return GeolocationProviderFactory.class;
    }
}
