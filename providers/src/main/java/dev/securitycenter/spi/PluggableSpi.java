package dev.securitycenter.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * An SPI of the extension that deployments may implement themselves (so not internal: Keycloak warns at every
 * start about each provider of an internal SPI that is not its own). An SPI served by one provider, such as the SMS
 * sender, is chosen with {@code --spi-<name>--provider=}; the event-handler and policy-contribution SPIs use all of
 * theirs.
 */
public abstract class PluggableSpi implements Spi {

    private final String name;
    private final Class<? extends Provider> providerClass;
    @SuppressWarnings("rawtypes")
    private final Class<? extends ProviderFactory> factoryClass;

    @SuppressWarnings("rawtypes")
    protected PluggableSpi(String name, Class<? extends Provider> providerClass,
                           Class<? extends ProviderFactory> factoryClass) {
        this.name = name;
        this.providerClass = providerClass;
        this.factoryClass = factoryClass;
    }

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return providerClass;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return factoryClass;
    }
}
