package dev.securitycenter.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * An SPI of the extension that deployments may implement themselves (so not internal: Keycloak does not warn
 * when a provider of it is added), chosen with {@code --spi-<name>--provider=}.
 */
public abstract class PluggableSpi extends ExtensionSpi {

    @SuppressWarnings("rawtypes")
    protected PluggableSpi(String name, Class<? extends Provider> providerClass,
                           Class<? extends ProviderFactory> factoryClass) {
        super(name, false, providerClass, factoryClass);
    }
}
