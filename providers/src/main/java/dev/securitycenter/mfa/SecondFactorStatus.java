package dev.securitycenter.mfa;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import java.time.Instant;
import java.util.Objects;

/** A user's authenticator-app 2FA: whether it is on, since when, and whether the realm's policy requires it. */
public record SecondFactorStatus(boolean enabled, Instant since, boolean enforced) {

    public static SecondFactorStatus of(RealmModel realm, UserModel user) {
        Instant since = user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .map(c -> c.getCreatedDate())
                .filter(Objects::nonNull)
                .min(Long::compare)
                .map(Instant::ofEpochMilli)
                .orElse(null);
        boolean enabled = SecondFactorRequirement.hasSecondFactor(user);
        return new SecondFactorStatus(enabled, since, SecondFactorRequirement.requiredFor(realm, user));
    }
}
