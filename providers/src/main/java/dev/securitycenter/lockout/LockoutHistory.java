package dev.securitycenter.lockout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditEventView;
import dev.securitycenter.audit.AuditQuery;
import dev.securitycenter.audit.AuditStore;
import dev.securitycenter.lockout.PastLockout.Ending;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The last 30 days of lockouts, read from the audit log: each {@code auth.account_locked} event, ended by the first
 * {@code auth.account_unlocked} for that user (or for all users) before the user's next lockout; a lockout
 * without one is still in force if it is the user's latest and Keycloak's brute-force detector still holds it,
 * and has expired otherwise.
 */
public final class LockoutHistory {

    public static final Duration WINDOW = Duration.ofDays(30);
    /** Newest lockouts shown; each needs a lock event, so a long history is cut rather than read whole. */
    static final int MAX_LOCKOUTS = 500;
    /** Unlocks are admin actions: far fewer than lockouts, but still bounded. */
    private static final int MAX_UNLOCKS = 5000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeycloakSession session;

    public LockoutHistory(KeycloakSession session) {
        this.session = session;
    }

    /** Newest first. */
    public List<PastLockout> list(RealmModel realm) {
        long since = Time.currentTimeMillis() - WINDOW.toMillis();
        AuditStore store = new AuditStore(session);
        List<AuditEventView> locks = store.page(new AuditQuery(realm.getId(), Set.of(AuditEventType.ACCOUNT_LOCKED),
                null, since, null), 0, MAX_LOCKOUTS).stream().filter(lock -> lock.userId() != null).toList();
        List<AuditEventView> unlocks = store.page(new AuditQuery(realm.getId(),
                Set.of(AuditEventType.ACCOUNT_UNLOCKED), null, since, null), 0, MAX_UNLOCKS);
        Lockouts lockouts = new Lockouts(session);
        Set<String> seen = new HashSet<>();
        List<PastLockout> history = new ArrayList<>();
        for (int i = 0; i < locks.size(); i++) {
            AuditEventView lock = locks.get(i);
            boolean latest = seen.add(lock.userId());
            history.add(ended(realm, lock, latest ? null : nextLockOfSameUser(locks, i), latest, unlocks, lockouts));
        }
        return history;
    }

    /** Locks are newest first: the user's next lockout is the nearest earlier entry for them. */
    private static AuditEventView nextLockOfSameUser(List<AuditEventView> locks, int index) {
        String userId = locks.get(index).userId();
        for (int j = index - 1; j >= 0; j--) {
            if (userId.equals(locks.get(j).userId())) {
                return locks.get(j);
            }
        }
        return null;
    }

    private PastLockout ended(RealmModel realm, AuditEventView lock, AuditEventView nextLock, boolean latest,
                              List<AuditEventView> unlocks, Lockouts lockouts) {
        long lockedAt = millis(lock);
        long endBefore = nextLock == null ? Long.MAX_VALUE : millis(nextLock);
        // unlocks are newest first too: the last match in the list is the earliest after the lock
        Optional<AuditEventView> unlock = unlocks.stream()
                .filter(u -> millis(u) >= lockedAt && millis(u) < endBefore)
                .filter(u -> lock.userId().equals(u.userId()) || (u.userId() == null && allUsers(u)))
                .reduce((newer, older) -> older);
        JsonNode details = details(lock);
        boolean permanent = details.path("permanent").asBoolean(false);
        Integer failures = details.hasNonNull("failures") ? details.get("failures").asInt() : null;
        if (unlock.isPresent()) {
            return new PastLockout(lock.userId(), lock.username(), lock.time(), lock.ipAddress(), permanent, failures,
                    Ending.UNLOCKED, unlock.get().time(), unlock.get().actorUsername());
        }
        UserModel user = latest ? session.users().getUserById(realm, lock.userId()) : null;
        boolean stillLocked = user != null && lockouts.isLocked(realm, user);
        // a permanent lockout never runs out: without an unlock event it was lifted some other way by an admin
        // (re-enabling the user in the stock console)
        Ending ending = stillLocked ? Ending.LOCKED : permanent ? Ending.UNLOCKED : Ending.EXPIRED;
        return new PastLockout(lock.userId(), lock.username(), lock.time(), lock.ipAddress(), permanent, failures,
                ending, null, null);
    }

    private static boolean allUsers(AuditEventView unlock) {
        return details(unlock).path("allUsers").asBoolean(false);
    }

    private static long millis(AuditEventView event) {
        return Instant.parse(event.time()).toEpochMilli();
    }

    private static JsonNode details(AuditEventView event) {
        if (event.details() == null) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(event.details());
        } catch (JsonProcessingException unreadable) {
            return MAPPER.createObjectNode();
        }
    }
}
