package dev.securitycenter.audit;

import dev.securitycenter.spi.PluggableSpi;

/**
 * SPI {@value #NAME}: how capabilities subscribe to Keycloak's events without the audit listener depending on
 * them (Keycloak itself finds its event listeners the same way). A deployment may add handlers of its own.
 */
public class SecurityEventHandlerSpi extends PluggableSpi {

    public static final String NAME = "security-center-event-handler";

    public SecurityEventHandlerSpi() {
        super(NAME, SecurityEventHandler.class, SecurityEventHandlerFactory.class);
    }
}
