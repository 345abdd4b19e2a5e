package dev.securitycenter.lockout;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.policy.FlowSlot;
import dev.securitycenter.policy.FlowStep;
import dev.securitycenter.policy.LockoutRules;
import dev.securitycenter.policy.PolicyContributionFactory;
import dev.securitycenter.policy.PolicyPreview.Warning;
import dev.securitycenter.policy.SecurityPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The lockout section of the policy: the direct-grant username step whose attempts take turns, the write-through
 * into Keycloak's brute-force detector, and the manual-unlock warning.
 */
public class LockoutPolicyContribution implements PolicyContributionFactory {

    /** Keycloak's own step, which flows installed before usernames took turns still hold. */
    private static final String KEYCLOAK_GRANT_USERNAME = "direct-grant-validate-username";

    @Override
    public String getId() {
        return "lockout";
    }

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public List<FlowStep> flowSteps() {
        return List.of(new FlowStep(FlowSlot.GRANT_USERNAME, DirectGrantUsername.ID, 0,
                Set.of(KEYCLOAK_GRANT_USERNAME)));
    }

    @Override
    public void write(KeycloakSession session, RealmModel realm, SecurityPolicy policy, UserRef actor) {
        bruteForce(realm, policy.lockout());
    }

    @Override
    public List<Warning> warnings(KeycloakSession session, RealmModel realm, SecurityPolicy current,
                                  SecurityPolicy next, String callerAddress) {
        if (next.lockout().maxFailures() != null && next.lockout().durationMinutes() == null
                && !Objects.equals(current.lockout().durationMinutes(), next.lockout().durationMinutes())) {
            return List.of(new Warning("LOCKOUT_MANUAL_UNLOCK", 0,
                    "Admins must manually unlock all locked accounts."));
        }
        return List.of();
    }

    private static void bruteForce(RealmModel realm, LockoutRules lockout) {
        realm.setBruteForceProtected(lockout.maxFailures() != null);
        if (lockout.maxFailures() != null) {
            realm.setFailureFactor(lockout.maxFailures());
        }
        realm.setPermanentLockout(lockout.durationMinutes() == null);
        realm.setMaxTemporaryLockouts(0);
        // The policy's threshold is the lockout: Keycloak's quick-login rule would also lock an account for a
        // minute (and send the "account locked" mail) after two typos within a second.
        realm.setQuickLoginCheckMilliSeconds(0);
        if (lockout.durationMinutes() != null) {
            // the same wait for every lockout: the increment and its cap are both the chosen duration
            int seconds = lockout.durationMinutes() * 60;
            realm.setWaitIncrementSeconds(seconds);
            realm.setMaxFailureWaitSeconds(seconds);
        }
    }
}
