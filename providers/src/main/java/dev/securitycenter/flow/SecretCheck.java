package dev.securitycenter.flow;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Secrets typed into the self-service API (current password, authenticator or recovery codes) count like a
 * sign-in for Keycloak's brute-force protector: a locked user is refused before the secret is compared, a wrong
 * one is a failed login, and parallel guesses for one user take turns as at sign-in, so a burst compares no more
 * of them than the lockout threshold allows.
 */
public final class SecretCheck {

    public enum Result { RIGHT, WRONG, LOCKED }

    private final KeycloakSession session;
    private final RealmModel realm;

    public SecretCheck(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * @param category the kind of secret for the brute-force protector (password, otp, recovery codes)
     * @param matches  compares the typed secret; called only when the user is not locked and it is this guess's turn
     */
    public Result check(UserModel user, String category, BooleanSupplier matches) {
        if (!user.isEnabled()) {
            return Result.LOCKED;
        }
        if (!realm.isBruteForceProtected()) {
            return matches.getAsBoolean() ? Result.RIGHT : Result.WRONG;
        }
        try (GuessTurn turn = GuessTurn.take(session.getKeycloakSessionFactory(), realm.getId(), user.getId())) {
            if (!turn.mayCompare()) {
                return Result.LOCKED;
            }
            if (matches.getAsBoolean()) {
                return Result.RIGHT;
            }
            session.getProvider(BruteForceProtector.class).failedLogin(realm, user,
                    session.getContext().getConnection(), session.getContext().getUri(), Set.of(category));
            turn.failed();
            return Result.WRONG;
        }
    }
}
