package dev.securitycenter.geo;

import dev.securitycenter.spi.PluggableSpi;

/**
 * Where an IP address is, best effort, for the session list. A deployment may plug in its own provider (a
 * commercial database, a lookup service) and select it with {@code --spi-security-center-geolocation--provider=}.
 */
public class GeolocationSpi extends PluggableSpi {

    public static final String NAME = "security-center-geolocation";

    public GeolocationSpi() {
        super(NAME, GeolocationProvider.class, GeolocationProviderFactory.class);
    }
}
