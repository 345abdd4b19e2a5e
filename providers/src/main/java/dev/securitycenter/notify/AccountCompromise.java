package dev.securitycenter.notify;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What follows evidence that someone else may hold a user's password: every session of the user ends, online and
 * offline (so no refresh token issued before keeps working), tokens issued until now stop being accepted, the next
 * sign-in must set a new password, and the event saying why is recorded. An admin's "mark password as compromised"
 * and a user's "This wasn't me" both come here, so what the two do cannot drift apart.
 */
public final class AccountCompromise {

    private final KeycloakSession session;
    private final RealmModel realm;

    public AccountCompromise(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * Secures the account and records {@code event} about it, by {@code actor}, with {@code details} plus the number
     * of sessions ended; answers that number. Everything happens in the caller's transaction.
     */
    public int secure(UserModel user, AuditEventType event, UserRef actor, Map<String, Object> details) {
        // a token whose session has already ended is refused anyway; this also covers tokens Keycloak checks
        // without a session lookup (the user's not-before is Keycloak's own "revoke everything issued until now")
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        // collected first: each logout removes the session from the stream being read
        List<UserSessionModel> sessions = Stream.concat(session.sessions().getUserSessionsStream(realm, user),
                session.sessions().getOfflineUserSessionsStream(realm, user)).toList();
        sessions.forEach(s -> {
            AuthenticationManager.backchannelLogout(session, realm, s, session.getContext().getUri(),
                    session.getContext().getConnection(), session.getContext().getRequestHeaders(), true);
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.LOGOUT)
                    .user(user)
                    .session(s)
                    .detail("reason", event.code())
                    .success();
        });
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        Map<String, Object> recorded = new LinkedHashMap<>(details);
        recorded.put("sessionsEnded", sessions.size());
        AuditRecorder.of(session).record(realm.getId(), new AuditEvent(event,
                new UserRef(user.getId(), user.getUsername()), actor, null,
                session.getContext().getConnection().getRemoteAddr(), recorded, Time.currentTimeMillis()));
        return sessions.size();
    }
}
