package dev.securitycenter.mfa.totp;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticator-app secret a user is setting up, kept in Keycloak's single-use object store (replicated across
 * the cluster, expiring by itself) until a code proves the app has it. One pending secret per user: starting again
 * replaces it.
 */
final class PendingTotpSecrets {

    private static final String KEY_PREFIX = "security-center.pending-totp.";
    private static final String SECRET = "secret";
    private static final String EXPIRES = "expires";

    private final SingleUseObjectProvider store;

    PendingTotpSecrets(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    Instant put(UserModel user, String secret, int ttlSeconds) {
        long expires = Time.currentTime() + (long) ttlSeconds;
        store.put(key(user), ttlSeconds, Map.of(SECRET, secret, EXPIRES, Long.toString(expires)));
        return Instant.ofEpochSecond(expires);
    }

    /** The pending secret, unless there is none or it has expired. */
    Optional<String> get(UserModel user) {
        Map<String, String> notes = store.get(key(user));
        if (notes == null || Long.parseLong(notes.get(EXPIRES)) <= Time.currentTime()) {
            return Optional.empty();
        }
        return Optional.ofNullable(notes.get(SECRET));
    }

    void remove(UserModel user) {
        store.remove(key(user));
    }

    private static String key(UserModel user) {
        return KEY_PREFIX + user.getId();
    }
}
