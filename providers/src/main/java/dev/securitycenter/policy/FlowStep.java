package dev.securitycenter.policy;

import java.util.Set;

/**
 * A capability's step in a slot of the managed flows: its authenticator id, its rank among the slot's steps, and
 * the authenticators an earlier version put in its place (replaced in existing flows on the next save).
 */
public record FlowStep(FlowSlot slot, String authenticator, int rank, Set<String> replaces) {

    public FlowStep(FlowSlot slot, String authenticator, int rank) {
        this(slot, authenticator, rank, Set.of());
    }
}
