package dev.securitycenter.lockout;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditQuery;
import dev.securitycenter.audit.AuditRecorder;
import dev.securitycenter.audit.AuditStore;
import dev.securitycenter.geo.IpAddresses;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Locked accounts and their unlock. Keycloak keeps no list of locked users: permanently locked users carry the
 * brute-force detector's {@code disabledReason} attribute; temporarily locked users are found through the audit
 * log's recent {@code auth.account_locked} events and confirmed against Keycloak's live login-failure state.
 */
public final class Lockouts {

    private static final String DISABLED_REASON = UserModel.DISABLED_REASON;

    private final KeycloakSession session;

    public Lockouts(KeycloakSession session) {
        this.session = session;
    }

    public List<LockedUser> list(RealmModel realm) {
        Set<String> candidates = new LinkedHashSet<>();
        session.users().searchForUserByUserAttributeStream(realm, DISABLED_REASON,
                        BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT)
                .forEach(user -> candidates.add(user.getId()));
        // a temporary lockout cannot outlast the longest wait, so older lock events cannot still hold
        long since = Time.currentTimeMillis() - Duration.ofSeconds(realm.getMaxFailureWaitSeconds()).toMillis()
                - Duration.ofMinutes(1).toMillis();
        new AuditStore(session).page(new AuditQuery(realm.getId(), Set.of(AuditEventType.ACCOUNT_LOCKED), null,
                        since, null), 0, 500)
                .forEach(event -> {
                    if (event.userId() != null) {
                        candidates.add(event.userId());
                    }
                });
        return candidates.stream()
                .map(id -> session.users().getUserById(realm, id))
                .filter(java.util.Objects::nonNull)
                .flatMap(user -> locked(realm, user).stream())
                .sorted(Comparator.comparing(LockedUser::username))
                .toList();
    }

    private Optional<LockedUser> locked(RealmModel realm, UserModel user) {
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        boolean permanent = protector.isPermanentlyLockedOut(session, realm, user);
        boolean temporary = !permanent && protector.isTemporarilyDisabled(session, realm, user);
        if (!permanent && !temporary) {
            return Optional.empty();
        }
        UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, user.getId());
        return Optional.of(new LockedUser(user.getId(), user.getUsername(), user.getEmail(), permanent,
                failures == null ? 0 : failures.getNumFailures(),
                failures == null || failures.getLastFailure() == 0 ? null
                        : Instant.ofEpochMilli(failures.getLastFailure()).toString(),
                failures == null ? null : IpAddresses.canonical(failures.getLastIPFailure()),
                permanent || failures == null ? null
                        : Instant.ofEpochSecond(failures.getFailedLoginNotBefore()).toString()));
    }

    /** Clears a lockout the way Keycloak's own unlock does, and re-enables a permanently locked user. */
    public boolean unlock(RealmModel realm, UserModel user, UserRef actor, String ipAddress) {
        boolean wasLocked = locked(realm, user).isPresent();
        if (BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT.equals(user.getFirstAttribute(DISABLED_REASON))) {
            user.removeAttribute(DISABLED_REASON);
            user.setEnabled(true);
        }
        session.loginFailures().removeUserLoginFailure(realm, user.getId());
        if (wasLocked) {
            AuditRecorder.of(session).record(realm.getId(), new AuditEvent(AuditEventType.ACCOUNT_UNLOCKED,
                    new UserRef(user.getId(), user.getUsername()), actor, null, ipAddress, Map.of(),
                    Time.currentTimeMillis()));
        }
        return wasLocked;
    }
}
