package dev.securitycenter.password;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers, in the user attribute {@value #ATTRIBUTE}, that the user's current password was found in no breach:
 * the value names the password credential and its creation time, so any later change of the password makes it
 * stale without anyone having to clear it. Sign-in asks the breach corpus only while it is stale. A password found
 * clean when it was set is noted in the session and marked once Keycloak reports the change, as
 * {@link PasswordComplianceRecorder} does; a refused or rolled-back change marks nothing.
 */
final class BreachCheckMarker {

    static final String ATTRIBUTE = "securityCenter.breachChecked";
    private static final String PENDING = BreachCheckMarker.class.getName() + ".pending";

    private BreachCheckMarker() {
    }

    static void noteChecked(KeycloakSession session, UserModel user) {
        pending(session).add(user.getId());
    }

    static void passwordChanged(KeycloakSession session, RealmModel realm, String userId) {
        if (!pending(session).remove(userId)) {
            return;
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user != null) {
            markChecked(user);
        }
    }

    static boolean isChecked(UserModel user) {
        return stamp(user).map(s -> s.equals(user.getFirstAttribute(ATTRIBUTE))).orElse(false);
    }

    static void markChecked(UserModel user) {
        stamp(user).ifPresent(s -> user.setSingleAttribute(ATTRIBUTE, s));
    }

    private static Optional<String> stamp(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst()
                .map(credential -> credential.getId() + ":" + credential.getCreatedDate());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> pending(KeycloakSession session) {
        Set<String> pending = session.getAttribute(PENDING, Set.class);
        if (pending == null) {
            pending = new HashSet<>();
            session.setAttribute(PENDING, pending);
        }
        return pending;
    }
}
