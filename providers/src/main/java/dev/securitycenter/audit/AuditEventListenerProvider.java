package dev.securitycenter.audit;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.lockout.LockoutNotifier;
import dev.securitycenter.password.PasswordComplianceRecorder;
import dev.securitycenter.policy.PolicyChanges;
import dev.securitycenter.policy.SecurityPolicy;
import dev.securitycenter.policy.SecurityPolicyReader;
import dev.securitycenter.sessions.SessionEndedByLimit;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records Keycloak's events about security into the audit log, in the transaction that caused them, and hands the
 * events other capabilities react to (a password changed, an account locked, a session ended by a new sign-in) on
 * to them.
 */
public class AuditEventListenerProvider implements EventListenerProvider {

    /** Admin changes that can alter a part of the policy (realm settings, or the bound flows' session limit). */
    private static final Set<ResourceType> POLICY_RESOURCES = Set.of(ResourceType.REALM, ResourceType.AUTH_FLOW,
            ResourceType.AUTH_EXECUTION, ResourceType.AUTH_EXECUTION_FLOW, ResourceType.AUTHENTICATOR_CONFIG);

    private final KeycloakSession session;
    private final KeycloakEventMapper mapper;

    public AuditEventListenerProvider(KeycloakSession session) {
        this.session = session;
        this.mapper = new KeycloakEventMapper(this::userRef);
    }

    @Override
    public void onEvent(Event event) {
        mapper.map(event).ifPresent(audit -> record(event.getRealmId(), audit));
        if (event.getType() == EventType.LOGOUT) {
            SessionEndedByLimit.noticeLogout(session, session.realms().getRealm(event.getRealmId()), event);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        mapper.map(event).ifPresent(audit -> record(event.getRealmId(), audit));
        if (POLICY_RESOURCES.contains(event.getResourceType())) {
            recordPolicyChange(event);
        }
    }

    private void record(String realmId, AuditEvent audit) {
        AuditRecorder.of(session).record(realmId, audit);
        if (audit.subject() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(realmId);
        if (audit.type() == AuditEventType.PASSWORD_CHANGED) {
            // the moment Keycloak confirms a new password: keep its compliance levels noted at validation
            PasswordComplianceRecorder.passwordChanged(session, realm, audit.subject().id());
        } else if (audit.type() == AuditEventType.ACCOUNT_LOCKED) {
            new LockoutNotifier(session).locked(realm, audit.subject().id(),
                    Boolean.TRUE.equals(audit.details().get("permanent")));
        }
    }

    /**
     * Compares the policy as this transaction leaves it with the policy as committed, read in a transaction of
     * its own (which cannot see this one's uncommitted changes).
     */
    private void recordPolicyChange(AdminEvent event) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        SecurityPolicy after = new SecurityPolicyReader(session).read(realm);
        SecurityPolicy before = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                committed -> {
                    RealmModel committedRealm = committed.realms().getRealm(event.getRealmId());
                    return committedRealm == null ? null : new SecurityPolicyReader(committed).read(committedRealm);
                });
        if (before == null) {
            return;
        }
        List<Map<String, Object>> changes = PolicyChanges.between(before, after);
        if (changes.isEmpty()) {
            return;
        }
        UserRef actor = event.getAuthDetails() == null ? null
                : userRef(event.getAuthDetails().getRealmId(), event.getAuthDetails().getUserId());
        AuditRecorder.of(session).record(event.getRealmId(), new AuditEvent(AuditEventType.POLICY_UPDATED, null,
                actor, event.getAuthDetails() == null ? null : event.getAuthDetails().getClientId(),
                event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress(),
                Map.of("source", "keycloak-admin", "changes", changes), event.getTime()));
    }

    private UserRef userRef(String realmId, String userId) {
        if (realmId == null || userId == null) {
            return null;
        }
        RealmModel realm = session.realms().getRealm(realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        return user == null ? null : new UserRef(user.getId(), user.getUsername());
    }

    @Override
    public void close() {
    }
}
