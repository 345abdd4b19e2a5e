package dev.securitycenter.mfa;

import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.policy.MfaMethod;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.PolicyAdmins;
import dev.securitycenter.policy.PolicyAudience;
import dev.securitycenter.policy.UserCondition;
import org.keycloak.models.RealmModel;

import java.util.Map;
import java.util.Optional;

/**
 * The admins a save makes register a passkey at their next sign-in (the PHISHING_RESISTANT admin strength under a
 * required mode): those without a passkey who did not have to use one before the save.
 */
final class AdminPasskeyAudience {

    static final String CHANGE = "passkeyRequired";
    private static final UserCondition WITHOUT_PASSKEY = new UserCondition("not exists (select k.id from"
            + " CredentialEntity k where k.user = u and k.type = :passkeyType)",
            Map.of("passkeyType", SecondFactorMethods.credentialType(MfaMethod.PASSKEY)));

    private AdminPasskeyAudience() {
    }

    static Optional<PolicyAudience> of(RealmModel realm, MfaRules before, MfaRules after) {
        if (!after.adminsNeedPasskey()
                || before.adminsNeedPasskey() && before.adminRoles().equals(after.adminRoles())) {
            return Optional.empty();
        }
        UserCondition concerned = PolicyAdmins.condition(realm, after.adminRoles(), "passkeyNow").and(WITHOUT_PASSKEY);
        if (before.adminsNeedPasskey()) {
            concerned = concerned.andNot(PolicyAdmins.condition(realm, before.adminRoles(), "passkeyBefore"));
        }
        return Optional.of(concerned.audience(CHANGE));
    }
}
