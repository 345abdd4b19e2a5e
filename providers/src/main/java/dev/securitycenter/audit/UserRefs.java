package dev.securitycenter.audit;

import dev.securitycenter.audit.AuditEvent.UserRef;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Names the users of Keycloak's events (which carry only ids) for audit records. */
public final class UserRefs {

    private UserRefs() {
    }

    /** The user's reference, or null when either id is missing or the user does not exist. */
    public static UserRef of(KeycloakSession session, String realmId, String userId) {
        if (realmId == null || userId == null) {
            return null;
        }
        RealmModel realm = session.realms().getRealm(realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        return user == null ? null : new UserRef(user.getId(), user.getUsername());
    }
}
