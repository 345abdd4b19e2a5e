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
 */
public record PasswordRotation(Instant lastChanged, Instant due) {

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
}
