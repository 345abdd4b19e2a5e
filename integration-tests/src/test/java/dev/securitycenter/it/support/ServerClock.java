package dev.securitycenter.it.support;

import java.time.Duration;
import java.time.Instant;

/**
 * The test server runs on this machine, so its clock is ours: a test that needs something to expire waits until
 * the instant the server itself named (an {@code expiresAt} it answered, or a send time plus its configured
 * lifetime) has passed, rather than a fixed guess.
 */
public final class ServerClock {

    private ServerClock() {
    }

    /** Returns once the server's clock is past the instant (its expiry checks are "now is at or after"). */
    public static void awaitPast(Instant instant) {
        Duration left;
        while (!(left = Duration.between(Instant.now(), instant)).isNegative()) {
            try {
                Thread.sleep(Math.max(1, left.toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
