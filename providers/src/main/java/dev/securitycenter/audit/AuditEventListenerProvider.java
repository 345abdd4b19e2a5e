package dev.securitycenter.audit;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderFactory;

import java.util.Comparator;
import java.util.List;

/**
 * The extension's one Keycloak event listener: records Keycloak's events about security into the audit log, in
 * the transaction that caused them, then hands each event to the {@link SecurityEventHandler}s the capabilities
 * registered (in the order of their ids, so every node reacts alike). It keeps the id realms already list
 * ({@value AuditEventListenerProviderFactory#ID}), so realms set up by earlier versions need no change.
 */
public class AuditEventListenerProvider implements EventListenerProvider {

    private final KeycloakSession session;
    private final KeycloakEventMapper mapper;

    public AuditEventListenerProvider(KeycloakSession session) {
        this.session = session;
        this.mapper = new KeycloakEventMapper((realmId, userId) -> UserRefs.of(session, realmId, userId),
                (realmId, sessionId) -> UserRefs.ofEndedSession(session, realmId, sessionId),
                (realmId, sessionId) -> SignInMethod.signedInWithRecoveryCode(session, realmId, sessionId)
                        .isPresent());
    }

    @Override
    public void onEvent(Event event) {
        AuditEvent recorded = mapper.map(event).map(audit -> record(event.getRealmId(), audit)).orElse(null);
        handlers().forEach(handler -> handler.onEvent(session, event, recorded));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        AuditEvent recorded = mapper.map(event).map(audit -> record(event.getRealmId(), audit)).orElse(null);
        handlers().forEach(handler -> handler.onAdminEvent(session, event, recorded));
    }

    private AuditEvent record(String realmId, AuditEvent audit) {
        AuditRecorder.of(session).record(realmId, audit);
        return audit;
    }

    private List<SecurityEventHandler> handlers() {
        return session.getKeycloakSessionFactory().getProviderFactoriesStream(SecurityEventHandler.class)
                .sorted(Comparator.comparing(ProviderFactory::getId))
                .map(factory -> (SecurityEventHandler) factory.create(session))
                .toList();
    }

    @Override
    public void close() {
    }
}
