package dev.securitycenter.policy;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import dev.securitycenter.audit.UserRefs;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records {@code policy.updated} ({@code source: keycloak-admin}) when a setting the SecurityPolicy covers is
 * changed in the stock admin console or admin REST, with every changed field, and lets the capabilities react to
 * the change as to a save through the extension's API (e.g. telling the people it concerns).
 */
public class StockConsolePolicyChangeHandler implements SecurityEventHandlerFactory {

    /** Admin changes that can alter a part of the policy (realm settings, or the bound flows' session limit). */
    private static final Set<ResourceType> POLICY_RESOURCES = Set.of(ResourceType.REALM, ResourceType.AUTH_FLOW,
            ResourceType.AUTH_EXECUTION, ResourceType.AUTH_EXECUTION_FLOW, ResourceType.AUTHENTICATOR_CONFIG);

    @Override
    public String getId() {
        return "stock-console-policy-change";
    }

    /**
     * Compares the policy as this transaction leaves it with the policy as committed, read in a transaction of
     * its own (which cannot see this one's uncommitted changes).
     */
    @Override
    public void onAdminEvent(KeycloakSession session, AdminEvent event, AuditEvent recorded) {
        if (!POLICY_RESOURCES.contains(event.getResourceType())) {
            return;
        }
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
        SaveReport report = new SaveReport();
        PolicyAudiences.changed(session, realm, before, after, report);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", "keycloak-admin");
        details.put("changes", changes);
        report.addUsersToldByEmail(details);
        UserRef actor = event.getAuthDetails() == null ? null
                : UserRefs.of(session, event.getAuthDetails().getRealmId(), event.getAuthDetails().getUserId());
        AuditRecorder.of(session).record(event.getRealmId(), new AuditEvent(AuditEventType.POLICY_UPDATED, null,
                actor, event.getAuthDetails() == null ? null : event.getAuthDetails().getClientId(),
                event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress(), details,
                event.getTime()));
    }
}
