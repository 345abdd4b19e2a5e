package dev.securitycenter.policy;

import dev.securitycenter.spi.SessionExecutorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

public class ClientFlowOverrideGuardFactory implements SessionExecutorFactory {

    public static final String ID = "security-center-flow-override";

    /** Installed with the managed flows, on every policy save (once per realm). */
    static final ManagedClientPolicy CLIENT_POLICY = new ManagedClientPolicy("security-center sign-in flows",
            "security-center sign-in flows", ID, "refuse sign-in through a client's own browser or direct-grant flow");

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new ClientFlowOverrideGuard(session);
    }

    @Override
    public String getHelpText() {
        return "Refuses sign-in through a client whose own browser or direct-grant flow is not the one Security "
                + "Center manages.";
    }

    @Override
    public String getId() {
        return ID;
    }
}
