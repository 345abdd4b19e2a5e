package dev.securitycenter.flow;

import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Counts per clock hour (UTC) across the cluster, in Keycloak's single-use object store, which offers no increment:
 * taking one of an hour's {@code limit} numbered slots is a {@code putIfAbsent}, which exactly one caller across the
 * cluster wins. Slots are only ever taken in order (a caller moves on to slot k+1 only after seeing slot k taken),
 * so the taken slots are a prefix and a binary search over {@code contains} finds the first free one in
 * log2(limit) look-ups. Up to twice a limit can pass around an hour's turn.
 */
public final class HourlySlots {

    private static final long HOUR_SECONDS = 3600;

    private final SingleUseObjectProvider store;

    public HourlySlots(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** Takes one of this hour's slots of {@code counter}; false when all {@code limit} are taken (0: no limit). */
    public boolean take(String counter, int limit) {
        if (limit <= 0) {
            return true;
        }
        String key = counter + "." + (Time.currentTime() / HOUR_SECONDS) + ".";
        // first free slot: everything below it is taken (see the class comment)
        int low = 0;
        int high = limit;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (store.contains(key + middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        for (int slot = low; slot < limit; slot++) {
            // kept a little over an hour, so the slots outlive the hour they count
            if (store.putIfAbsent(key + slot, HOUR_SECONDS + 60)) {
                return true;
            }
        }
        return false;
    }
}
