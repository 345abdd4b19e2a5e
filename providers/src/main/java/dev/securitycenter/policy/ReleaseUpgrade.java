package dev.securitycenter.policy;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.dblock.DBLockManager;
import org.keycloak.models.dblock.DBLockProvider;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings realms configured by an earlier release up to date when this release starts, without an admin saving
 * the policy: once Keycloak has migrated its database ({@link PostMigrationEvent}), every configured realm whose
 * managed configuration an earlier release wrote has the policy it already has written through again by the code
 * a save uses ({@link PolicyWriter#writeThrough}): managed flows, required actions, attributes, client policies
 * become what this release writes, while the policy reads back unchanged (who saved it and when included).
 *
 * <p>Nodes starting together take turns on Keycloak's boot lock in the database, and each realm carries the
 * release that configured it, so every realm is upgraded once in the cluster; a realm that fails is logged, left as
 * it was (its own transaction) and tried again at the next start.
 */
public final class ReleaseUpgrade implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(ReleaseUpgrade.class);

    private final KeycloakSessionFactory factory;

    public ReleaseUpgrade(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(factory, this::underBootLock);
        }
    }

    private void underBootLock(KeycloakSession lockSession) {
        DBLockProvider lock = new DBLockManager(lockSession).getDBLock();
        lock.waitForLock(DBLockProvider.Namespace.KEYCLOAK_BOOT);
        try {
            List<String> outdated = KeycloakModelUtils.runJobInTransactionWithResult(factory, session ->
                    session.realms().getRealmsStream().filter(ManagedConfiguration::outdated)
                            .map(RealmModel::getId).toList());
            outdated.forEach(this::upgradeOrLog);
        } finally {
            lock.releaseLock();
        }
    }

    private void upgradeOrLog(String realmId) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> upgrade(session, realmId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Security Center could not bring realm %s up to release %s; it keeps its earlier "
                    + "configuration until a start or a policy save succeeds", realmId, ManagedConfiguration.RELEASE);
        }
    }

    private static void upgrade(KeycloakSession session, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        // a save since the list was read has brought it up to date already
        if (realm == null || !ManagedConfiguration.outdated(realm)) {
            return;
        }
        session.getContext().setRealm(realm);
        String from = realm.getAttribute(ManagedConfiguration.RELEASE_ATTRIBUTE);
        SecurityPolicyReader reader = new SecurityPolicyReader(session);
        SecurityPolicy policy = reader.read(realm);
        new PolicyWriter(session).writeThrough(realm, policy, null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", "upgrade");
        details.put("fromRelease", from == null ? "0.1.0" : from);
        details.put("toRelease", ManagedConfiguration.RELEASE);
        // none expected: recorded so that a policy this release reads differently would not change unnoticed
        details.put("changes", PolicyChanges.between(policy, reader.read(realm)));
        AuditRecorder.of(session).record(realm.getId(), new AuditEvent(AuditEventType.POLICY_UPDATED, null, null,
                null, null, details, Time.currentTimeMillis()));
        LOG.infof("Security Center brought realm %s from release %s to %s", realm.getName(), details.get(
                "fromRelease"), ManagedConfiguration.RELEASE);
    }
}
