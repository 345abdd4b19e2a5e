package dev.securitycenter.mfa;

import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaMethod;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.SecurityPolicyReader;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's 2FA: whether they have any second factor and since when, whether the realm's policy requires it, whether
 * the policy lets users set up an authenticator app at all (not when 2FA is DISABLED or TOTP is not an allowed
 * method), whether they have one, and how they confirm changes ({@link ChangeConfirmation}).
 */
public record SecondFactorStatus(boolean enabled, Instant since, boolean enforced, boolean available,
                                 boolean authenticatorApp, ChangeConfirmation confirmWith) {

    public static SecondFactorStatus of(RealmModel realm, UserModel user) {
        Instant since = MfaAdoption.SECOND_FACTOR_TYPES.stream()
                .flatMap(type -> user.credentialManager().getStoredCredentialsByTypeStream(type))
                .map(c -> c.getCreatedDate())
                .filter(Objects::nonNull)
                .min(Long::compare)
                .map(Instant::ofEpochMilli)
                .orElse(null);
        boolean enabled = SecondFactorRequirement.hasSecondFactor(user);
        return new SecondFactorStatus(enabled, since, SecondFactorRequirement.requiredFor(realm, user),
                authenticatorAppAvailable(realm), user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE),
                ChangeConfirmation.of(user));
    }

    public static boolean authenticatorAppAvailable(RealmModel realm) {
        MfaRules rules = SecurityPolicyReader.mfa(realm);
        return rules.enforcement() != MfaEnforcement.DISABLED && rules.methods().contains(MfaMethod.TOTP);
    }
}
