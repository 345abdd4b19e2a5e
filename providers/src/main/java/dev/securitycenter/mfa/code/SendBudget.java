package dev.securitycenter.mfa.code;

import dev.securitycenter.flow.HourlySlots;
import dev.securitycenter.mfa.factor.CodeChannel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * How many codes may be sent per hour: per user, per destination (phone number or address, whichever realm asks)
 * and per realm, so that nobody can run up an SMS bill or bomb a phone through the sign-in and enrolment pages.
 Counted per clock hour across the cluster by {@link HourlySlots}.
 */
public final class SendBudget {

    /** Sends allowed per clock hour; 0 turns a limit off. */
    public record Limits(int perUser, int perDestination, int perRealm) {

        public static final Limits DEFAULT = new Limits(10, 10, 1000);
    }

    /** Which limit refused a send. */
    public enum Exhausted { USER, DESTINATION, REALM }

    private static final String PREFIX = "security-center.code-budget.";

    private final HourlySlots slots;

    public SendBudget(KeycloakSession session) {
        this(session.singleUseObjects());
    }

    SendBudget(SingleUseObjectProvider store) {
        this.slots = new HourlySlots(store);
    }

    /**
     * Takes one send from each budget, the user's first: an attempt refused by a later budget still counts against
     * the earlier ones, which errs on the side of sending less.
     *
     * @return the budget that is used up, or null when the send may go out
     */
    public Exhausted take(Limits limits, String realmId, String userId, CodeChannel channel, String destination) {
        if (!takeSlot("user." + userId + "." + channel.key(), limits.perUser())) {
            return Exhausted.USER;
        }
        if (!takeSlot("to." + destination, limits.perDestination())) {
            return Exhausted.DESTINATION;
        }
        if (!takeSlot("realm." + realmId + "." + channel.key(), limits.perRealm())) {
            return Exhausted.REALM;
        }
        return null;
    }

    private boolean takeSlot(String counter, int limit) {
        return slots.take(PREFIX + counter, limit);
    }
}
