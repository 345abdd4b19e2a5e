package dev.securitycenter.audit;

import java.util.Set;

/**
 * A filter over one realm's audit log. {@code fromMillis} is inclusive, {@code toMillis} exclusive; null means
 * unbounded. {@code subjectUserId} selects events about one user.
 */
public record AuditQuery(String realmId, Set<AuditEventType> types, String subjectUserId, Long fromMillis,
                         Long toMillis) {

    public static AuditQuery forUser(String realmId, String userId) {
        return new AuditQuery(realmId, Set.of(), userId, null, null);
    }
}
