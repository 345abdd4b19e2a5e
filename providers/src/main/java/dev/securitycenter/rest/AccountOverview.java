package dev.securitycenter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.securitycenter.geo.GeolocationProvider;
import dev.securitycenter.mfa.ChangeConfirmation;
import dev.securitycenter.mfa.SecondFactorStatus;
import dev.securitycenter.mfa.recovery.RecoveryCodes;
import dev.securitycenter.password.PasswordRotation;
import dev.securitycenter.password.SsoManagedPassword;
import dev.securitycenter.policy.PasswordRules;
import dev.securitycenter.policy.SecurityPolicyReader;
import jakarta.annotation.Nullable;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;

/** {@code GET /}: what the Profile ▸ Security page needs before anything is clicked. Times are ISO-8601 instants. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"password", "twoFactor", "locationAttribution"})
public record AccountOverview(Password password, TwoFactor twoFactor, @Nullable String locationAttribution) {

    /** {@code rotationReminder}: the reminder's window has begun ({@link PasswordRotation#isReminderDue}). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"managedBySso", "rules", "lastChanged", "rotationDue", "rotationReminder", "rotationOverdue"})
    public record Password(boolean managedBySso, Rules rules, @Nullable String lastChanged,
                           @Nullable String rotationDue, boolean rotationReminder, boolean rotationOverdue) {
    }

    /**
     * The realm's password rules as a user may see them: whether the realm refuses words of its own, never which
     * (they are the admin's, and telling them would hand out the list to avoid or to guess from).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"minLength", "requireUppercase", "requireLowercase", "requireDigits", "requireSpecial",
            "expiryDays", "preventReuse", "blockCommon", "blockBreached", "blockWords"})
    public record Rules(@Nullable Integer minLength, boolean requireUppercase, boolean requireLowercase,
                        boolean requireDigits, boolean requireSpecial, int expiryDays, int preventReuse,
                        boolean blockCommon, boolean blockBreached, boolean blockWords) {

        static Rules of(PasswordRules rules) {
            return new Rules(rules.minLength(), rules.requireUppercase(), rules.requireLowercase(),
                    rules.requireDigits(), rules.requireSpecial(), rules.expiryDays(), rules.preventReuse(),
                    rules.blockCommon(), rules.blockBreached(), !rules.blockedWords().isEmpty());
        }
    }

    /**
     * {@code since}: the oldest second factor; {@code available}: the policy offers authenticator apps;
     * {@code authenticatorApp}: the user has one; {@code confirmWith}: how they confirm new recovery codes or turning
     * 2FA off.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"enabled", "since", "enforced", "available", "authenticatorApp", "confirmWith",
            "recoveryCodesLeft"})
    public record TwoFactor(boolean enabled, @Nullable String since, boolean enforced, boolean available,
                            boolean authenticatorApp, ChangeConfirmation confirmWith,
                            @Nullable Integer recoveryCodesLeft) {
    }

    static AccountOverview of(KeycloakSession session, RealmModel realm, UserModel user) {
        PasswordRotation rotation = PasswordRotation.of(realm, user);
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        SecondFactorStatus mfa = SecondFactorStatus.of(realm, user);
        GeolocationProvider geolocation = session.getProvider(GeolocationProvider.class);
        return new AccountOverview(
                new Password(SsoManagedPassword.isManaged(session, realm, user),
                        Rules.of(SecurityPolicyReader.password(realm.getPasswordPolicy())),
                        text(rotation.lastChanged()), text(rotation.due()), rotation.isReminderDue(now),
                        rotation.isDue(now)),
                new TwoFactor(mfa.enabled(), text(mfa.since()), mfa.enforced(), mfa.available(),
                        mfa.authenticatorApp(), mfa.confirmWith(),
                        mfa.enabled() ? new RecoveryCodes(session, realm).remaining(user) : null),
                geolocation == null ? null : geolocation.attribution());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
