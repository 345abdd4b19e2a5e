package dev.securitycenter.flow;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

import java.util.Set;

/**
 * Secrets typed into the self-service API (current password, authenticator or recovery codes) count like a
 * sign-in for Keycloak's brute-force protector: a wrong one is a failed login, and a locked user is refused.
 */
public final class BruteForceGuard {

    private final KeycloakSession session;
    private final RealmModel realm;

    public BruteForceGuard(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public boolean isLocked(UserModel user) {
        if (!user.isEnabled()) {
            return true;
        }
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = protector();
        return protector.isPermanentlyLockedOut(session, realm, user)
                || protector.isTemporarilyDisabled(session, realm, user);
    }

    /** Records a wrong secret; {@code credentialType} is the kind of secret (password, otp, recovery codes). */
    public void failed(UserModel user, String credentialType) {
        if (realm.isBruteForceProtected()) {
            protector().failedLogin(realm, user, session.getContext().getConnection(),
                    session.getContext().getUri(), Set.of(credentialType));
        }
    }

    private BruteForceProtector protector() {
        return session.getProvider(BruteForceProtector.class);
    }
}
