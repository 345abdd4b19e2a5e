package dev.securitycenter.flow;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * A user's brute-force state as committed, read in a transaction of its own. A request that waited for its turn
 * cannot trust what it read before waiting: its session keeps the user and the login-failure record it loaded, so
 * a user another request has just disabled still looks enabled there.
 *
 * @param locked    the user may not be signed in now: disabled, or locked by the brute-force detector
 * @param permanent the lock lasts until an admin lifts it
 * @param failures  Keycloak's failure count, with {@code lastFailure} the mark a newly recorded failure moves
 */
record LockState(boolean locked, boolean permanent, int failures, long lastFailure) {

    static LockState read(KeycloakSessionFactory factory, String realmId, String userId) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                return new LockState(true, true, 0, 0);
            }
            session.getContext().setRealm(realm);
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null) {
                return new LockState(true, true, 0, 0);
            }
            UserLoginFailureModel record = session.loginFailures().getUserLoginFailure(realm, userId);
            int failures = record == null ? 0 : record.getNumFailures();
            long lastFailure = record == null ? 0 : record.getLastFailure();
            BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
            boolean permanent = !user.isEnabled() || protector.isPermanentlyLockedOut(session, realm, user)
                    || manualUnlockThresholdReached(realm, failures);
            boolean locked = permanent || protector.isTemporarilyDisabled(session, realm, user);
            return new LockState(locked, permanent, failures, lastFailure);
        });
    }

    /**
     * With "manual unlock only" Keycloak disables the user in the transaction that records the failure reaching
     * the threshold, but the user cache forgets the enabled user only after that transaction's failure record is
     * visible; the count tells the lockout as soon as the record does.
     */
    private static boolean manualUnlockThresholdReached(RealmModel realm, int failures) {
        return realm.isBruteForceProtected() && realm.isPermanentLockout() && realm.getMaxTemporaryLockouts() == 0
                && failures >= realm.getFailureFactor();
    }

    /** The same counts, refused as a temporary lock. */
    LockState asLocked() {
        return new LockState(true, permanent, failures, lastFailure);
    }

    /** Whether a failure has been recorded since this state was read. */
    boolean movedOnFrom(LockState earlier) {
        return failures != earlier.failures || lastFailure != earlier.lastFailure || locked != earlier.locked;
    }
}
