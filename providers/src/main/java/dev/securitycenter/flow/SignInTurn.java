package dev.securitycenter.flow;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Makes parallel sign-in attempts for one user take turns instead of being turned away.
 *
 * <p>Keycloak's blocking brute-force protector lets one attempt per user and server run at a time and answers
 * every concurrent one "temporarily disabled" without counting it, so a burst of 50 guesses costs the attacker a
 * single recorded failure and never locks the account. Waiting for the running attempt (whose failure is recorded
 * before its slot is released) lets each queued guess see the failures before it: the threshold's worth of guesses
 * is checked, the account locks, and the rest are refused as locked without their password being checked.
 */
public final class SignInTurn {

    /** Longer than a few password hashes, short enough not to pin a worker thread for long. */
    private static final long MAX_WAIT_MILLIS = 10_000;
    private static final long POLL_MILLIS = 20;

    private SignInTurn() {
    }

    /**
     * Returns once this request holds the user's sign-in slot, the account is locked, or the wait ran out; in the
     * last two cases Keycloak's own check that follows refuses the attempt.
     */
    public static void await(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user == null || !realm.isBruteForceProtected()) {
            return;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        while (protector.isTemporarilyDisabled(session, realm, user) && !lockedOut(session, realm, user)
                && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A real lockout, as opposed to "another attempt for this user is running". */
    private static boolean lockedOut(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!user.isEnabled()) {
            return true;
        }
        UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, user.getId());
        return failures != null && Time.currentTime() < failures.getFailedLoginNotBefore();
    }
}
