package dev.securitycenter.policy;

import dev.securitycenter.audit.SecurityEventHandler;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link StockConsolePolicyChangeHandler} with the audit listener's dispatch. */
public class StockConsolePolicyChangeHandlerFactory implements SecurityEventHandlerFactory {

    @Override
    public SecurityEventHandler create(KeycloakSession session) {
        return new StockConsolePolicyChangeHandler(session);
    }

    @Override
    public String getId() {
        return "stock-console-policy-change";
    }
}
