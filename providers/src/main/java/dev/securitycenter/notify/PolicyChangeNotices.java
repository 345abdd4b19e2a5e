package dev.securitycenter.notify;

import dev.securitycenter.policy.PolicyAudience;
import dev.securitycenter.policy.PolicyAudiences;
import dev.securitycenter.policy.PolicyContributionFactory;
import dev.securitycenter.policy.PolicyPreview.Warning;
import dev.securitycenter.policy.SaveReport;
import dev.securitycenter.policy.SecurityPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.List;

/**
 * "Notify affected users" (spec, settings flows): a save that makes people set up 2FA or choose a new password at
 * their next sign-in tells each of them so by mail, while the realm sends credential-change mails. The preview
 * says how many will be told ({@code USERS_TOLD_BY_EMAIL}); the save records the number in {@code policy.updated}
 * and leaves the sending to {@link PolicyNoticeMailer}, after commit. The capabilities say who is concerned
 * ({@link dev.securitycenter.policy.PolicyContribution#audiences}); this contribution only tells them.
 */
public class PolicyChangeNotices implements PolicyContributionFactory {

    static final String WARNING = "USERS_TOLD_BY_EMAIL";

    @Override
    public String getId() {
        return "policy-change-notices";
    }

    /** After every capability's own warnings: the mail is the last consequence of a save. */
    @Override
    public int rank() {
        return 100;
    }

    @Override
    public List<Warning> warnings(KeycloakSession session, RealmModel realm, SecurityPolicy current,
                                  SecurityPolicy next, String callerAddress) {
        List<PolicyAudience> audiences = audiences(session, realm, current, next);
        if (audiences.isEmpty()) {
            return List.of();
        }
        long told = new PolicyNoticeRecipients(session, realm).count(audiences);
        return List.of(new Warning(WARNING, told, Warning.counted(told, "user", "users")
                + " will be told by email what changes at their next"
                + " sign-in."));
    }

    @Override
    public void changed(KeycloakSession session, RealmModel realm, SecurityPolicy before, SecurityPolicy after,
                        SaveReport report) {
        List<PolicyAudience> audiences = audiences(session, realm, before, after);
        long told = audiences.isEmpty() ? 0 : new PolicyNoticeRecipients(session, realm).count(audiences);
        if (told > 0) {
            report.usersToldByEmail(told);
            PolicyNoticeMailer.afterCommit(session, realm, audiences);
        }
    }

    private static List<PolicyAudience> audiences(KeycloakSession session, RealmModel realm, SecurityPolicy before,
                                                  SecurityPolicy after) {
        return after.notifications().credentialChanges() ? PolicyAudiences.of(session, realm, before, after)
                : List.of();
    }
}
