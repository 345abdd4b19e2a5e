package dev.securitycenter.password;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a user's password was set and when the realm's expiry ({@code forceExpiredPasswordChange}, the policy's
 * {@code password.expiryDays}) makes Keycloak ask for a new one: the password credential's creation plus N days.
 * From {@value #REMINDER_DAYS} days before that date the user is reminded (the account page's banner, the page after
 * sign-in), so both read the window here.
 */
public record PasswordRotation(Instant lastChanged, Instant due) {

    public static final int REMINDER_DAYS = 14;
    private static final Duration DAY = Duration.ofDays(1);

    public static PasswordRotation of(RealmModel realm, UserModel user) {
        Optional<Instant> created = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(c -> c.getCreatedDate())
                .filter(date -> date != null)
                .max(Long::compare)
                .map(Instant::ofEpochMilli);
        int days = realm.getPasswordPolicy().getDaysToExpirePassword();
        Instant due = days > 0 ? created.map(at -> at.plus(Duration.ofDays(days))).orElse(null) : null;
        return new PasswordRotation(created.orElse(null), due);
    }

    public boolean isDue(Instant now) {
        return due != null && !now.isBefore(due);
    }

    /** True from {@value #REMINDER_DAYS} days before the due date on, also once it has passed. */
    public boolean isReminderDue(Instant now) {
        return due != null && !now.isBefore(due.minus(Duration.ofDays(REMINDER_DAYS)));
    }

    /** Whole days until the due date, a part of a day counting as one ("expires in 1 day" on its last day). */
    public long daysLeft(Instant now) {
        Duration left = Duration.between(now, due);
        return left.isNegative() || left.isZero() ? 0 : left.plus(DAY).minusNanos(1).toDays();
    }
}
