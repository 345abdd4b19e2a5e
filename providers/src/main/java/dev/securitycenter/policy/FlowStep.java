package dev.securitycenter.policy;

import java.util.Map;
import java.util.Set;

/**
 * A capability's step in a slot of the managed flows: its authenticator id, its rank among the slot's steps, the
 * authenticators an earlier version put in its place (replaced in existing flows on the next save), and the
 * authenticator's configuration (empty for steps that take none).
 */
public record FlowStep(FlowSlot slot, String authenticator, int rank, Set<String> replaces,
                       Map<String, String> config) {

    public FlowStep(FlowSlot slot, String authenticator, int rank) {
        this(slot, authenticator, rank, Set.of(), Map.of());
    }

    public FlowStep(FlowSlot slot, String authenticator, int rank, Set<String> replaces) {
        this(slot, authenticator, rank, replaces, Map.of());
    }

    public FlowStep(FlowSlot slot, String authenticator, int rank, Map<String, String> config) {
        this(slot, authenticator, rank, Set.of(), config);
    }
}
