package dev.securitycenter.audit;

import dev.securitycenter.spi.ExtensionSpi;

/**
 * SPI {@value #NAME}: how capabilities subscribe to Keycloak's events without the audit listener depending on
 * them (Keycloak itself finds its event listeners the same way). Internal: only the extension's own packages
 * implement it.
 */
public class SecurityEventHandlerSpi extends ExtensionSpi {

    public static final String NAME = "security-center-event-handler";

    public SecurityEventHandlerSpi() {
        super(NAME, true, SecurityEventHandler.class, SecurityEventHandlerFactory.class);
    }
}
