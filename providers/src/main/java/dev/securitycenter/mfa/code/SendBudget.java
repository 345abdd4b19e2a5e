package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * How many codes may be sent per hour: per user, per destination (phone number or address, whichever realm asks)
 * and per realm, so that nobody can run up an SMS bill or bomb a phone through the sign-in and enrolment pages.
 * <p>
 * The counters live in Keycloak's cluster-wide single-use object store, which offers no increment: a send takes
 * one of the hour's numbered slots with {@code putIfAbsent}, which exactly one caller across the cluster wins.
 * Slots are only ever taken in order (a caller moves on to slot k+1 only after seeing slot k taken), so the taken
 * slots are a prefix and a binary search over {@code contains} finds the first free one in log2(limit) look-ups.
 * Counting is per clock hour (UTC), so up to twice a limit can go out around an hour's turn.
 */
public final class SendBudget {

    /** Sends allowed per clock hour; 0 turns a limit off. */
    public record Limits(int perUser, int perDestination, int perRealm) {

        public static final Limits DEFAULT = new Limits(10, 10, 1000);
    }

    /** Which limit refused a send. */
    public enum Exhausted { USER, DESTINATION, REALM }

    private static final String PREFIX = "security-center.code-budget.";
    private static final long HOUR_SECONDS = 3600;

    private final SingleUseObjectProvider store;

    public SendBudget(KeycloakSession session) {
        this(session.singleUseObjects());
    }

    SendBudget(SingleUseObjectProvider store) {
        this.store = store;
    }

    /**
     * Takes one send from each budget, the user's first: an attempt refused by a later budget still counts against
     * the earlier ones, which errs on the side of sending less.
     *
     * @return the budget that is used up, or null when the send may go out
     */
    public Exhausted take(Limits limits, String realmId, String userId, CodeChannel channel, String destination) {
        long hour = Time.currentTime() / HOUR_SECONDS;
        if (!takeSlot("user." + userId + "." + channel.key() + "." + hour, limits.perUser())) {
            return Exhausted.USER;
        }
        if (!takeSlot("to." + destination + "." + hour, limits.perDestination())) {
            return Exhausted.DESTINATION;
        }
        if (!takeSlot("realm." + realmId + "." + channel.key() + "." + hour, limits.perRealm())) {
            return Exhausted.REALM;
        }
        return null;
    }

    private boolean takeSlot(String counter, int limit) {
        if (limit <= 0) {
            return true;
        }
        String key = PREFIX + counter + ".";
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
