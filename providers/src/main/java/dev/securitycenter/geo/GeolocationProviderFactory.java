package dev.securitycenter.geo;

import org.keycloak.provider.ProviderFactory;

public interface GeolocationProviderFactory extends ProviderFactory<GeolocationProvider> {
}
