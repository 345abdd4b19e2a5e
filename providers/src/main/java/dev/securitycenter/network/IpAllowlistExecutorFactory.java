package dev.securitycenter.network;

import dev.securitycenter.spi.SessionExecutorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.timer.TimerProvider;

public class IpAllowlistExecutorFactory implements SessionExecutorFactory {

    public static final String ID = "security-center-ip-allowlist";

    private KeycloakSessionFactory sessionFactory;

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new IpAllowlistExecutor(session);
    }

    @Override
    public String getHelpText() {
        return "Refuses token requests from addresses outside the realm's IP allowlist (Settings > Security).";
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
        // every node writes the summaries of what it refused itself (see DeniedConnectionLog)
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(() -> DeniedConnectionLog.flush(factory, false), DeniedConnectionLog.FLUSH_INTERVAL_MILLIS,
                        "security-center-ip-denied-summaries"));
    }

    @Override
    public void close() {
        if (sessionFactory != null) {
            DeniedConnectionLog.flush(sessionFactory, true);
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
