package dev.securitycenter.policy;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/**
 * The places in the managed flows that capabilities fill with their steps (see {@link ManagedFlows}). A slot fixes
 * the requirement of its steps; a capability only names its authenticators. Slots marked single take exactly one
 * step; the second-factor slots take the alternatives in their contributions' rank order.
 */
public enum FlowSlot {
    /** First step of both flows, before anything else is asked. */
    NETWORK_CHECK(Requirement.REQUIRED, true),
    BROWSER_FIRST_FACTOR(Requirement.REQUIRED, true),
    /**
     * Conditions every second-factor subflow checks after "the user has a factor of it", e.g. "no passkey was used
     * yet" (a passkey is both factors).
     */
    SECOND_FACTOR_CONDITION(Requirement.REQUIRED, false),
    BROWSER_SECOND_FACTOR(Requirement.ALTERNATIVE, false),
    BROWSER_ENFORCEMENT(Requirement.REQUIRED, true),
    /** The forgotten-password flow's mail with the reset link. */
    RESET_EMAIL(Requirement.REQUIRED, true),
    GRANT_USERNAME(Requirement.REQUIRED, true),
    GRANT_PASSWORD(Requirement.REQUIRED, true),
    GRANT_SECOND_FACTOR(Requirement.REQUIRED, false),
    GRANT_ENFORCEMENT(Requirement.REQUIRED, true);

    private final Requirement requirement;
    private final boolean single;

    FlowSlot(Requirement requirement, boolean single) {
        this.requirement = requirement;
        this.single = single;
    }

    public Requirement requirement() {
        return requirement;
    }

    public boolean single() {
        return single;
    }
}
