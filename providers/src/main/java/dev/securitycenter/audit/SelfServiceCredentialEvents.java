package dev.securitycenter.audit;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * A user's change to their own credentials through the account API, reported as Keycloak's own event so every
 * event listener sees it as it would a change in the stock account console; the audit log derives its
 * auth.password_changed, auth.2fa_* events from these.
 */
public final class SelfServiceCredentialEvents {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final UserSessionModel current;
    private final String clientId;

    public SelfServiceCredentialEvents(KeycloakSession session, RealmModel realm, UserModel user,
                                       UserSessionModel current, String clientId) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.current = current;
        this.clientId = clientId;
    }

    public void updated(String credentialType) {
        report(EventType.UPDATE_CREDENTIAL, credentialType);
    }

    public void removed(String credentialType) {
        report(EventType.REMOVE_CREDENTIAL, credentialType);
    }

    private void report(EventType type, String credentialType) {
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .client(clientId)
                .user(user)
                .session(current)
                .detail(Details.CREDENTIAL_TYPE, credentialType)
                .success();
    }
}
