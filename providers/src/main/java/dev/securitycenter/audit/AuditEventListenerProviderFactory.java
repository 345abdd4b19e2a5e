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
    static final String PURGE_INTERVAL_MINUTES = "purgeIntervalMinutes";
    static final int DEFAULT_PURGE_INTERVAL_MINUTES = 360;

    private Duration retention;
    private Duration purgeInterval;

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
        int minutes = config.getInt(PURGE_INTERVAL_MINUTES, DEFAULT_PURGE_INTERVAL_MINUTES);
        if (minutes < 1) {
            throw new IllegalArgumentException(PURGE_INTERVAL_MINUTES + " must be at least 1, was " + minutes);
        }
        purgeInterval = Duration.ofMinutes(minutes);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(new ClusterAwareScheduledTaskRunner(factory, new AuditRetentionTask(retention),
                        purgeInterval.toMillis()), purgeInterval.toMillis()));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(RETENTION_DAYS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Days an audit event is kept before the purge deletes it.")
                .defaultValue(DEFAULT_RETENTION_DAYS)
                .add()
                .property()
                .name(PURGE_INTERVAL_MINUTES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Minutes between two runs of the purge (on one node of the cluster).")
                .defaultValue(DEFAULT_PURGE_INTERVAL_MINUTES)
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
