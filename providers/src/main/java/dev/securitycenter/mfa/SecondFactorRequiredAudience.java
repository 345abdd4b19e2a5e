package dev.securitycenter.mfa;

import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.PolicyAdmins;
import dev.securitycenter.policy.PolicyAudience;
import dev.securitycenter.policy.UserCondition;
import org.keycloak.models.RealmModel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people a save makes set up a second factor at their next sign-in: those the required mode now covers
 * (everyone, or the admins) without a factor the policy allows, who were not already in that position before the
 * save (not covered by a required mode then, or holding a factor the policy no longer allows).
 */
final class SecondFactorRequiredAudience {

    static final String CHANGE = "secondFactorRequired";
    static final String CHANGE_FOR_ADMINS = "secondFactorRequiredForAdmins";
    private static final UserCondition EVERYONE = new UserCondition("1 = 1", Map.of());

    private SecondFactorRequiredAudience() {
    }

    static Optional<PolicyAudience> of(RealmModel realm, MfaRules before, MfaRules after) {
        Optional<UserCondition> requiredNow = requiredUnder(realm, after, "mfaNow");
        if (requiredNow.isEmpty() || alreadyRequired(before, after)) {
            return Optional.empty();
        }
        UserCondition lacking = requiredNow.get().and(without(after, "mfaAllowed"));
        UserCondition concerned = requiredUnder(realm, before, "mfaBefore")
                .map(required -> lacking.andNot(required.and(without(before, "mfaAllowedBefore"))))
                .orElse(lacking);
        return Optional.of(concerned.audience(after.enforcement() == MfaEnforcement.REQUIRED_ALL ? CHANGE
                : CHANGE_FOR_ADMINS));
    }

    /** Whether everyone the new rules cover was covered before, and lacks no more factors than before. */
    private static boolean alreadyRequired(MfaRules before, MfaRules after) {
        boolean sameOrFewerPeople = before.enforcement() == MfaEnforcement.REQUIRED_ALL
                || (before.enforcement() == after.enforcement() && before.adminRoles().equals(after.adminRoles()));
        return sameOrFewerPeople && after.methods().containsAll(before.methods());
    }

    private static Optional<UserCondition> requiredUnder(RealmModel realm, MfaRules rules, String prefix) {
        return switch (rules.enforcement()) {
            case REQUIRED_ALL -> Optional.of(EVERYONE);
            case REQUIRED_ADMINS -> Optional.of(PolicyAdmins.condition(realm, rules.adminRoles(), prefix));
            default -> Optional.empty();
        };
    }

    private static UserCondition without(MfaRules rules, String parameter) {
        List<String> types = rules.methods().stream().map(SecondFactorMethods::credentialType).toList();
        return new UserCondition("not exists (select c.id from CredentialEntity c where c.user = u and c.type in :"
                + parameter + ")", Map.of(parameter, types));
    }
}
