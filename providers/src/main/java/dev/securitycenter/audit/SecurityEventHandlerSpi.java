package dev.securitycenter.audit;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * SPI {@value #NAME}: how capabilities subscribe to Keycloak's events without the audit listener depending on
 * them (Keycloak itself finds its event listeners the same way). Internal: only the extension's own packages
 * implement it.
 */
public class SecurityEventHandlerSpi implements Spi {

    public static final String NAME = "security-center-event-handler";

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SecurityEventHandler.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SecurityEventHandlerFactory.class;
    }
}
