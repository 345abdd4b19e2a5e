package dev.securitycenter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.securitycenter.geo.GeolocationProvider;
import dev.securitycenter.mfa.SecondFactorStatus;
import dev.securitycenter.mfa.recovery.RecoveryCodes;
import dev.securitycenter.password.PasswordRotation;
import dev.securitycenter.password.SsoManagedPassword;
import dev.securitycenter.policy.PasswordRules;
import dev.securitycenter.policy.SecurityPolicyReader;
import jakarta.annotation.Nullable;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;

/** {@code GET /}: what the Profile ▸ Security page needs before anything is clicked. Times are ISO-8601 instants. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"password", "twoFactor", "locationAttribution"})
public record AccountOverview(Password password, TwoFactor twoFactor, @Nullable String locationAttribution) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"managedBySso", "rules", "lastChanged", "rotationDue", "rotationOverdue"})
    public record Password(boolean managedBySso, PasswordRules rules, @Nullable String lastChanged,
                           @Nullable String rotationDue,
                           boolean rotationOverdue) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"enabled", "since", "enforced", "available", "recoveryCodesLeft"})
    public record TwoFactor(boolean enabled, @Nullable String since, boolean enforced, boolean available,
                            @Nullable Integer recoveryCodesLeft) {
    }

    static AccountOverview of(KeycloakSession session, RealmModel realm, UserModel user) {
        PasswordRotation rotation = PasswordRotation.of(realm, user);
        SecondFactorStatus mfa = SecondFactorStatus.of(realm, user);
        GeolocationProvider geolocation = session.getProvider(GeolocationProvider.class);
        return new AccountOverview(
                new Password(SsoManagedPassword.isManaged(session, realm, user),
                        SecurityPolicyReader.password(realm.getPasswordPolicy()),
                        text(rotation.lastChanged()), text(rotation.due()), rotation.isDue(Instant.now())),
                new TwoFactor(mfa.enabled(), text(mfa.since()), mfa.enforced(), mfa.available(),
                        mfa.enabled() ? new RecoveryCodes(session, realm).remaining(user) : null),
                geolocation == null ? null : geolocation.attribution());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
