package dev.securitycenter.flow;

import org.keycloak.models.KeycloakSessionFactory;

import java.util.Optional;

/**
 * One guess's turn at a user's secret: check locked → compare → record the failure, with no other guess for the
 * same user in between. Taking the turn waits for the guesses queued before it (see {@link UserTurns}); the lock
 * state is then read as committed ({@link LockState}), and a wrong guess keeps the turn until Keycloak's
 * brute-force detector has recorded it, so the next guess sees every failure before it.
 */
final class GuessTurn implements AutoCloseable {

    /** Keycloak records failures on an executor of its own; it used to give itself 5 s for one. */
    private static final long RECORD_WAIT_MILLIS = 5_000;
    private static final long POLL_MILLIS = 5;

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final String userId;
    private final UserTurns.Held held;
    private final LockState before;
    private boolean failed;

    private GuessTurn(KeycloakSessionFactory factory, String realmId, String userId, UserTurns.Held held,
                      LockState before) {
        this.factory = factory;
        this.realmId = realmId;
        this.userId = userId;
        this.held = held;
        this.before = before;
    }

    /** Waits for the user's turn; a guess that gets none holds nothing and may not compare. */
    static GuessTurn take(KeycloakSessionFactory factory, String realmId, String userId) {
        Optional<UserTurns.Held> held = UserTurns.take(realmId, userId);
        return new GuessTurn(factory, realmId, userId, held.orElse(null),
                held.isPresent() ? LockState.read(factory, realmId, userId) : null);
    }

    /** The secret may be compared: this guess has the turn and the user is not locked. */
    boolean mayCompare() {
        return held != null && !before.locked();
    }

    /** Refused because the user is locked until an admin unlocks them (as opposed to locked for a while or busy). */
    boolean refusedAsPermanentlyLocked() {
        return held != null && before.permanent();
    }

    /** The compared secret was wrong and Keycloak has been told; the turn passes on once that is on record. */
    void failed() {
        failed = true;
    }

    @Override
    public void close() {
        if (held == null) {
            return;
        }
        try {
            if (failed) {
                awaitRecorded();
            }
        } finally {
            held.release();
        }
    }

    private void awaitRecorded() {
        long deadline = System.currentTimeMillis() + RECORD_WAIT_MILLIS;
        while (!LockState.read(factory, realmId, userId).movedOnFrom(before)
                && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
