package dev.securitycenter.mfa;

import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaMethod;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.PolicyAudience;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people a save makes set up a second factor at their next sign-in: under "required for everyone", those
 * without an allowed factor who were not already in that position (2FA was not required for all before, or they
 * had a factor the policy no longer allows).
 */
final class SecondFactorRequiredAudience {

    static final String CHANGE = "secondFactorRequired";
    private static final String WITHOUT_ALLOWED = "not exists (select c.id from CredentialEntity c where c.user = u"
            + " and c.type in :mfaAllowed)";
    private static final String HAD_ALLOWED = "exists (select b.id from CredentialEntity b where b.user = u"
            + " and b.type in :mfaAllowedBefore)";

    private SecondFactorRequiredAudience() {
    }

    static Optional<PolicyAudience> of(MfaRules before, MfaRules after) {
        if (after.enforcement() != MfaEnforcement.REQUIRED_ALL) {
            return Optional.empty();
        }
        if (before.enforcement() != MfaEnforcement.REQUIRED_ALL) {
            return Optional.of(new PolicyAudience(CHANGE, WITHOUT_ALLOWED, Map.of("mfaAllowed", types(after))));
        }
        if (after.methods().containsAll(before.methods())) {
            return Optional.empty();
        }
        return Optional.of(new PolicyAudience(CHANGE, WITHOUT_ALLOWED + " and " + HAD_ALLOWED,
                Map.of("mfaAllowed", types(after), "mfaAllowedBefore", types(before))));
    }

    private static List<String> types(MfaRules rules) {
        List<MfaMethod> methods = rules.methods();
        return methods.stream().map(SecondFactorMethods::credentialType).toList();
    }
}
