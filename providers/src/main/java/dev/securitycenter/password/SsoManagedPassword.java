package dev.securitycenter.password;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Whether a user's sign-in is managed by an identity provider, so there is no password to change here: the realm
 * requires SSO and the user is not one of its break-glass admins, or the user signs in only through a linked
 * identity provider (no credential of their own).
 */
public final class SsoManagedPassword {

    private SsoManagedPassword() {
    }

    public static boolean isManaged(KeycloakSession session, RealmModel realm, UserModel user) {
        if (SsoRequirement.refusesPassword(realm, user)) {
            return true;
        }
        boolean federated = session.users().getFederatedIdentitiesStream(realm, user).findAny().isPresent();
        return federated && user.credentialManager().getStoredCredentialsStream().findAny().isEmpty();
    }
}
