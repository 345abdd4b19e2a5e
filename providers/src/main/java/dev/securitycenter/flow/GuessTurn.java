package dev.securitycenter.flow;

import org.keycloak.models.KeycloakSessionFactory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Per node, like the turns themselves (README: cluster note). */
    private static final ConcurrentHashMap<String, Unrecorded> UNRECORDED = new ConcurrentHashMap<>();

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

    /**
     * Waits for the user's turn; a guess that gets none holds nothing and may not compare. Nor may a guess whose
     * turn came while an earlier wrong guess is still not on record (its recording outlasted the wait on a busy
     * server): it would compare against a count that misses that failure, so it is refused as locked instead.
     */
    static GuessTurn take(KeycloakSessionFactory factory, String realmId, String userId) {
        Optional<UserTurns.Held> held = UserTurns.take(realmId, userId);
        if (held.isEmpty()) {
            return new GuessTurn(factory, realmId, userId, null, null);
        }
        String key = realmId + '/' + userId;
        LockState state = LockState.read(factory, realmId, userId);
        Unrecorded pending = UNRECORDED.get(key);
        if (pending != null) {
            state = awaitMovedOn(factory, realmId, userId, pending.comparedOn(), state);
            if (state.movedOnFrom(pending.comparedOn()) || pending.expired()) {
                UNRECORDED.remove(key, pending);
            } else {
                state = state.asLocked();
            }
        }
        return new GuessTurn(factory, realmId, userId, held.get(), state);
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
                LockState after = awaitMovedOn(factory, realmId, userId, before,
                        LockState.read(factory, realmId, userId));
                if (!after.movedOnFrom(before)) {
                    // users who never guess again would otherwise stay here: keep only the last minute's
                    UNRECORDED.values().removeIf(Unrecorded::expired);
                    UNRECORDED.put(realmId + '/' + userId, new Unrecorded(before, System.currentTimeMillis()));
                }
            }
        } finally {
            held.release();
        }
    }

    /** Polls until a failure after {@code earlier} is on record, for at most {@value #RECORD_WAIT_MILLIS} ms. */
    private static LockState awaitMovedOn(KeycloakSessionFactory factory, String realmId, String userId,
                                          LockState earlier, LockState latest) {
        long deadline = System.currentTimeMillis() + RECORD_WAIT_MILLIS;
        LockState state = latest;
        while (!state.movedOnFrom(earlier) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return state;
            }
            state = LockState.read(factory, realmId, userId);
        }
        return state;
    }

    /**
     * A wrong guess Keycloak had not recorded when its turn ended, and the state it was compared on. Forgotten
     * after a minute, so a failure Keycloak never records cannot refuse the user for good.
     */
    private record Unrecorded(LockState comparedOn, long since) {
        private static final long FORGET_AFTER_MILLIS = 60_000;

        boolean expired() {
            return System.currentTimeMillis() - since > FORGET_AFTER_MILLIS;
        }
    }
}
