package dev.securitycenter.sessions;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import dev.securitycenter.geo.GeolocationProvider;
import dev.securitycenter.geo.IpAddresses;
import dev.securitycenter.notify.DeviceName;
import org.keycloak.common.util.Time;
import org.keycloak.device.DeviceActivityManager;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.account.DeviceRepresentation;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A user's own sessions, online and offline, seen from one of them (the "current" one, named by the token's
 * {@code sid}). Every lookup is by the user, so another user's session id is simply not found.
 */
public final class OwnSessions {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final UserSessionModel current;

    public OwnSessions(KeycloakSession session, RealmModel realm, UserModel user, UserSessionModel current) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.current = current;
    }

    /** Newest activity first, the current session included and marked. */
    public List<SessionView> list() {
        GeolocationProvider geolocation = session.getProvider(GeolocationProvider.class);
        return all()
                .sorted(Comparator.comparingInt(UserSessionModel::getLastSessionRefresh).reversed())
                .map(s -> view(s, geolocation))
                .toList();
    }

    public Optional<UserSessionModel> find(String id) {
        return all().filter(s -> s.getId().equals(id)).findFirst();
    }

    /**
     * Whether this is the session the caller is using. An offline session made in the current sign-in carries the
     * same id as it, but is a session of its own (a refresh token that outlives sign-out), so it is not current.
     */
    private boolean isCurrent(UserSessionModel s) {
        return current != null && s.getId().equals(current.getId()) && s.isOffline() == current.isOffline();
    }

    /**
     * Ends the sessions of one id (online and offline) for the user, except the current one, and records
     * {@code auth.session_revoked}; answers whether any ended. Revoking the row of the offline session made in the
     * current sign-in ends that offline session alone.
     */
    public boolean terminate(String id) {
        List<UserSessionModel> targets = all().filter(s -> s.getId().equals(id) && !isCurrent(s)).toList();
        if (targets.isEmpty()) {
            return false;
        }
        targets.forEach(this::logout);
        audit(id, "user");
        return true;
    }

    /** Ends every session but the current one; returns how many ended. */
    public int terminateOthers(String reason) {
        List<UserSessionModel> others = all().filter(s -> !isCurrent(s)).toList();
        others.forEach(s -> {
            logout(s);
            audit(s.getId(), reason);
        });
        return (int) others.stream().map(UserSessionModel::getId).distinct().count();
    }

    private Stream<UserSessionModel> all() {
        return Stream.concat(session.sessions().getUserSessionsStream(realm, user),
                        session.sessions().getOfflineUserSessionsStream(realm, user))
                .filter(s -> Objects.equals(s.getUser().getId(), user.getId()));
    }

    private void logout(UserSessionModel s) {
        if (s.isOffline() && current != null && s.getId().equals(current.getId())) {
            // Keycloak's logout of an offline session also ends the online session of the same id, which here is
            // the caller's own: revoke the offline session alone, as Keycloak does when an offline token is revoked
            new UserSessionManager(session).revokeOfflineUserSession(s);
        } else {
            AuthenticationManager.backchannelLogout(session, realm, s, session.getContext().getUri(),
                    session.getContext().getConnection(), session.getContext().getRequestHeaders(), true);
        }
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGOUT)
                .user(user)
                .session(s)
                .success();
    }

    private void audit(String sessionId, String reason) {
        AuditRecorder.of(session).record(realm.getId(), new AuditEvent(AuditEventType.SESSION_REVOKED,
                new UserRef(user.getId(), user.getUsername()), new UserRef(user.getId(), user.getUsername()),
                current == null ? null : clientOf(current), session.getContext().getConnection().getRemoteAddr(),
                Map.of("sessionId", sessionId, "reason", reason), Time.currentTimeMillis()));
    }

    private String clientOf(UserSessionModel s) {
        return s.getAuthenticatedClientSessions().values().stream()
                .map(cs -> cs.getClient().getClientId())
                .findFirst().orElse(null);
    }

    private SessionView view(UserSessionModel s, GeolocationProvider geolocation) {
        DeviceRepresentation device = Optional.ofNullable(DeviceActivityManager.getCurrentDevice(s))
                .orElseGet(DeviceRepresentation::unknown);
        return new SessionView(
                s.getId(),
                DeviceName.of(device),
                device.getBrowser(),
                device.getOs(),
                device.isMobile(),
                IpAddresses.canonical(s.getIpAddress()),
                geolocation == null ? null : geolocation.locate(s.getIpAddress()).label(),
                Instant.ofEpochSecond(s.getLastSessionRefresh()).toString(),
                Instant.ofEpochSecond(s.getStarted()).toString(),
                isCurrent(s),
                s.isOffline(),
                s.getAuthenticatedClientSessions().keySet().stream()
                        .map(realm::getClientById)
                        .filter(Objects::nonNull)
                        .map(ClientModel::getClientId)
                        .sorted()
                        .toList());
    }
}
