package dev.securitycenter.flow;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Per-node queues, one per user, in which guesses of that user's secrets wait their turn. A queue holds at most
 * {@code maxWaiting} threads besides the one whose turn it is: a request beyond that, or one that waited longer
 * than {@code maxWaitMillis}, gets no turn and is refused at once, so a flood against one account pins a bounded
 * number of the server's worker threads.
 */
public final class UserTurns {

    public static final int DEFAULT_MAX_WAITING = 8;
    static final long MAX_WAIT_MILLIS = 10_000;

    private static volatile int maxWaiting = DEFAULT_MAX_WAITING;
    private static final ConcurrentHashMap<String, Line> LINES = new ConcurrentHashMap<>();

    private UserTurns() {
    }

    public static void configure(int maxWaitingPerUser) {
        if (maxWaitingPerUser < 0) {
            throw new IllegalArgumentException("the number of guesses waiting per user cannot be negative");
        }
        maxWaiting = maxWaitingPerUser;
    }

    /** This thread's turn for the user, once every guess queued before it is done; empty when refused. */
    static Optional<Held> take(String realmId, String userId) {
        String key = realmId + '/' + userId;
        boolean[] admitted = new boolean[1];
        Line line = LINES.compute(key, (k, existing) -> {
            Line joined = existing == null ? new Line() : existing;
            // members counts the holder and the waiters
            admitted[0] = joined.members <= maxWaiting;
            if (admitted[0]) {
                joined.members++;
            }
            return joined;
        });
        if (!admitted[0]) {
            return Optional.empty();
        }
        try {
            if (line.turn.tryAcquire(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return Optional.of(new Held(key, line));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leave(key);
        return Optional.empty();
    }

    private static void leave(String key) {
        LINES.computeIfPresent(key, (k, line) -> --line.members == 0 ? null : line);
    }

    /** Only touched inside the map's compute functions, which serialise access per key. */
    private static final class Line {
        private final Semaphore turn = new Semaphore(1, true);
        private int members;
    }

    /** A turn; releasing it more than once has no effect. */
    static final class Held {
        private final String key;
        private final Line line;
        private boolean released;

        private Held(String key, Line line) {
            this.key = key;
            this.line = line;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                line.turn.release();
                leave(key);
            }
        }
    }
}
