package dev.securitycenter.password;

import dev.securitycenter.policy.PasswordRules;
import dev.securitycenter.policy.PolicyAudience;
import org.keycloak.models.credential.PasswordCredentialModel;

import java.util.Map;

/**
 * The people whose password met the rules before a save and does not meet them after it, as their recorded
 * compliance levels say (never the password itself): they must choose a new one at their next sign-in. People
 * whose password was never recorded are not among them; they are checked when they next sign in.
 */
final class NonCompliantPasswordAudience {

    static final String CHANGE = "passwordNoLongerCompliant";
    private static final String CONDITION = "exists (select a.id from UserAttributeEntity a where a.user = u"
            + " and a.name = :pwMarker and a.value in :pwMetBefore and a.value not in :pwMeetsNow)"
            + " and exists (select p.id from CredentialEntity p where p.user = u and p.type = :pwType)";

    private NonCompliantPasswordAudience() {
    }

    static PolicyAudience of(PasswordRules before, PasswordRules after) {
        return new PolicyAudience(CHANGE, CONDITION, Map.of(
                "pwMarker", PasswordComplianceRecorder.ATTRIBUTE,
                "pwMetBefore", PasswordCompliance.encodingsMeeting(before),
                "pwMeetsNow", PasswordCompliance.encodingsMeeting(after),
                "pwType", PasswordCredentialModel.TYPE));
    }
}
