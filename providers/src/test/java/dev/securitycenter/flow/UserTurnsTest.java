package dev.securitycenter.flow;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTurnsTest {

    @AfterEach
    void restoreDefault() {
        UserTurns.configure(UserTurns.DEFAULT_MAX_WAITING);
    }

    @Test
    void aGuessBeyondTheQueueBoundIsRefusedAtOnceAndTheQueueMovesOn() throws Exception {
        UserTurns.configure(1);
        UserTurns.Held first = UserTurns.take("realm", "victim").orElseThrow();
        CompletableFuture<Optional<UserTurns.Held>> waiting =
                CompletableFuture.supplyAsync(() -> UserTurns.take("realm", "victim"));
        awaitQueued(waiting);

        long began = System.nanoTime();
        assertTrue(UserTurns.take("realm", "victim").isEmpty(), "a third guess finds the queue full");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began) < 1000, "and is refused without waiting");
        assertTrue(UserTurns.take("realm", "someone-else").isPresent(), "other users have queues of their own");

        first.release();
        UserTurns.Held second = waiting.get(5, TimeUnit.SECONDS).orElseThrow();
        first.release();
        CompletableFuture<Optional<UserTurns.Held>> third =
                CompletableFuture.supplyAsync(() -> UserTurns.take("realm", "victim"));
        awaitQueued(third);

        second.release();
        third.get(5, TimeUnit.SECONDS).orElseThrow().release();
        assertTrue(UserTurns.take("realm", "victim").isPresent(), "an empty queue takes guesses again");
    }

    /**
     * Gives a guess time to join the queue; it cannot have a turn while another holds it (releasing a turn twice
     * frees no second one).
     */
    private static void awaitQueued(CompletableFuture<?> waiting) throws InterruptedException {
        Thread.sleep(300);
        assertFalse(waiting.isDone(), "the guess waits for the one holding the turn");
    }
}
