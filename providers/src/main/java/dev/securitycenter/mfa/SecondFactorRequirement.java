package dev.securitycenter.mfa;

import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.PolicyAdmins;
import dev.securitycenter.policy.SecurityPolicyReader;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Whether the realm's 2FA enforcement applies to a user, and whether the user already has a second factor. */
public final class SecondFactorRequirement {

    private SecondFactorRequirement() {
    }

    public static boolean requiredFor(RealmModel realm, UserModel user) {
        MfaRules rules = SecurityPolicyReader.mfa(realm);
        if (rules.enforcement() == MfaEnforcement.REQUIRED_ALL) {
            return true;
        }
        return rules.enforcement() == MfaEnforcement.REQUIRED_ADMINS && PolicyAdmins.isAdmin(realm, user, rules.adminRoles());
    }

    /** Any second factor at all, allowed by the current policy or not (what the adoption figures count). */
    public static boolean hasSecondFactor(UserModel user) {
        return MfaAdoption.SECOND_FACTOR_TYPES.stream().anyMatch(type -> SecondFactorMethods.hasCredential(user, type));
    }
}
