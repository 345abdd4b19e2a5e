package dev.securitycenter.policy;

import dev.securitycenter.audit.AuditEvent.UserRef;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

import java.util.List;

/**
 * What a capability adds to the policy's life cycle, so that {@code policy} depends on none of them: its steps in
 * the managed flows and the required actions they need, the write-through of the policy section it owns, and the
 * preview warnings about that section. Each capability implements it once and registers it with
 * {@link PolicyContributionFactory}; contributions run in {@link #rank()} order, which is also the order of the
 * preview's warnings.
 */
public interface PolicyContribution extends Provider {

    int rank();

    default List<FlowStep> flowSteps() {
        return List.of();
    }

    default List<EnrolmentAction> enrolmentActions() {
        return List.of();
    }

    /** Writes this capability's part of a validated policy, in the save's transaction. */
    default void write(KeycloakSession session, RealmModel realm, SecurityPolicy policy, UserRef actor) {
    }

    /**
     * Runs once every contribution has written its part, for what cannot be rolled back (ending sessions notifies
     * their clients at once), so that a write that fails leaves nothing of the kind done.
     */
    default void afterWrite(KeycloakSession session, RealmModel realm, SecurityPolicy policy, SaveReport report) {
    }

    /**
     * Runs once a save is in place (the extension's API, or a setting changed in Keycloak's console), with the
     * policy before and after it, in the save's transaction.
     */
    default void changed(KeycloakSession session, RealmModel realm, SecurityPolicy before, SecurityPolicy after,
                         SaveReport report) {
    }

    /** The people for whom going from {@code before} to {@code after} changes their next sign-in. */
    default List<PolicyAudience> audiences(RealmModel realm, SecurityPolicy before, SecurityPolicy after) {
        return List.of();
    }

    /** What saving {@code next} over {@code current} would do to people, as far as this capability knows. */
    default List<PolicyPreview.Warning> warnings(KeycloakSession session, RealmModel realm, SecurityPolicy current,
                                                 SecurityPolicy next, String callerAddress) {
        return List.of();
    }
}
