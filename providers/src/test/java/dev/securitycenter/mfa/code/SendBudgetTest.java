package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SendBudgetTest {

    /** Keycloak's store as far as the budget uses it: atomic putIfAbsent and contains (no expiry needed here). */
    private static final class MapStore implements SingleUseObjectProvider {
        final Map<String, Boolean> keys = new ConcurrentHashMap<>();

        @Override
        public boolean putIfAbsent(String key, long lifespanSeconds) {
            return keys.putIfAbsent(key, Boolean.TRUE) == null;
        }

        @Override
        public boolean contains(String key) {
            return keys.containsKey(key);
        }

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> get(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> remove(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachLimitRefusesTheSendAfterItsCount() {
        SendBudget budget = new SendBudget(new MapStore());
        SendBudget.Limits limits = new SendBudget.Limits(3, 2, 5);
        assertNull(budget.take(limits, "realm", "ann", CodeChannel.SMS, "+15550000001"));
        assertNull(budget.take(limits, "realm", "ann", CodeChannel.SMS, "+15550000001"));
        assertEquals(SendBudget.Exhausted.DESTINATION,
                budget.take(limits, "realm", "ann", CodeChannel.SMS, "+15550000001"));
        assertEquals(SendBudget.Exhausted.USER, budget.take(limits, "realm", "ann", CodeChannel.SMS, "+15550000002"),
                "the refused attempt above still counted for the user");
        // the realm has sent 2 of its 5
        assertNull(budget.take(limits, "realm", "bob", CodeChannel.SMS, "+15550000003"));
        assertNull(budget.take(limits, "realm", "bob", CodeChannel.SMS, "+15550000004"));
        assertNull(budget.take(limits, "realm", "cat", CodeChannel.SMS, "+15550000005"));
        assertEquals(SendBudget.Exhausted.REALM, budget.take(limits, "realm", "cat", CodeChannel.SMS, "+15550000006"));
        assertNull(budget.take(limits, "other-realm", "dan", CodeChannel.SMS, "+15550000007"));
    }

    @Test
    void zeroTurnsALimitOff() {
        SendBudget budget = new SendBudget(new MapStore());
        for (int i = 0; i < 50; i++) {
            assertNull(budget.take(new SendBudget.Limits(0, 0, 0), "realm", "ann", CodeChannel.SMS, "+15550000001"));
        }
    }

    @Test
    void concurrentSendsTakeExactlyTheLimit() throws Exception {
        MapStore store = new MapStore();
        SendBudget.Limits limits = new SendBudget.Limits(0, 0, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SendBudget.Exhausted>> results = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String user = "user" + i;
            results.add(pool.submit(() -> {
                start.await();
                return new SendBudget(store).take(limits, "realm", user, CodeChannel.SMS, "+1555" + user);
            }));
        }
        start.countDown();
        int sent = 0;
        for (Future<SendBudget.Exhausted> result : results) {
            sent += result.get() == null ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1000, sent);
    }
}
