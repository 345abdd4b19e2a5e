package dev.securitycenter.policy;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.Set;

/**
 * An identity provider added (or left without a post-broker-login flow) after the last policy save gets the managed
 * identity-provider flow in the same admin request, so sign-ins through it meet the allowlist and the second factor
 * at once, not from the next save on. Keycloak 26.7.4 raises no model event for a created identity provider; the
 * admin event of the admin REST call is the hook. A realm whose policy was never saved has no managed flow and is
 * left alone.
 */
public class IdentityProviderFlowBinding implements SecurityEventHandlerFactory {

    private static final Set<OperationType> CHANGES = Set.of(OperationType.CREATE, OperationType.UPDATE);

    @Override
    public String getId() {
        return "identity-provider-flow-binding";
    }

    @Override
    public void onAdminEvent(KeycloakSession session, AdminEvent event, AuditEvent recorded) {
        if (event.getResourceType() != ResourceType.IDENTITY_PROVIDER || !CHANGES.contains(event.getOperationType())) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null || realm.getFlowByAlias(EntryPointFlows.IDENTITY_PROVIDER) == null) {
            return;
        }
        // Keycloak's identity-provider store works on the context's realm
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            EntryPointFlows.bindIdentityProviders(session, realm);
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}
