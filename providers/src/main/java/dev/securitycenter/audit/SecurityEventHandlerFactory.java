package dev.securitycenter.audit;

import dev.securitycenter.spi.StatelessProviderFactory;

/**
 * Registers a {@link SecurityEventHandler} (one line in {@code META-INF/services} per handler). Handlers keep no
 * state (they take the session in each call), so a factory is its own handler.
 */
public interface SecurityEventHandlerFactory extends StatelessProviderFactory<SecurityEventHandler>,
        SecurityEventHandler {
}
