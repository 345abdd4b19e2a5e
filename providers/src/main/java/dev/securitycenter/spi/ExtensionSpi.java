package dev.securitycenter.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** An SPI of the extension: its name, provider and factory types, and whether deployments may implement it. */
public abstract class ExtensionSpi implements Spi {

    private final String name;
    private final boolean internal;
    private final Class<? extends Provider> providerClass;
    @SuppressWarnings("rawtypes")
    private final Class<? extends ProviderFactory> factoryClass;

    @SuppressWarnings("rawtypes")
    protected ExtensionSpi(String name, boolean internal, Class<? extends Provider> providerClass,
                           Class<? extends ProviderFactory> factoryClass) {
        this.name = name;
        this.internal = internal;
        this.providerClass = providerClass;
        this.factoryClass = factoryClass;
    }

    @Override
    public boolean isInternal() {
        return internal;
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
