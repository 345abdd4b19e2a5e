package dev.securitycenter.audit;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

import java.time.Duration;
import java.util.List;

/**
 * Event listener {@value #ID}: records a realm's security events into the audit log. It is active on the realms
 * that list it among their event listeners. Also schedules the retention purge.
 */
public class AuditEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String ID = "security-center-audit";
    static final String RETENTION_DAYS = "retentionDays";
    static final int DEFAULT_RETENTION_DAYS = 365;
    private static final Duration PURGE_INTERVAL = Duration.ofHours(6);

    private Duration retention;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListenerProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
        int days = config.getInt(RETENTION_DAYS, DEFAULT_RETENTION_DAYS);
        if (days < 1) {
            throw new IllegalArgumentException(RETENTION_DAYS + " must be at least 1, was " + days);
        }
        retention = Duration.ofDays(days);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(new ClusterAwareScheduledTaskRunner(factory, new AuditRetentionTask(retention),
                        PURGE_INTERVAL.toMillis()), PURGE_INTERVAL.toMillis()));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(RETENTION_DAYS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Days an audit event is kept before the daily purge deletes it.")
                .defaultValue(DEFAULT_RETENTION_DAYS)
                .add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
