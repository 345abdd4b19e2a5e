package dev.securitycenter.audit;

import dev.securitycenter.geo.IpAddresses;

import java.util.Map;

/**
 * What happened, to whom, by whom, from where. {@code subject} is the user the event is about, {@code actor} the
 * user who caused it (the same user for self-service, an admin otherwise, none for an anonymous attempt).
 */
public record AuditEvent(
        AuditEventType type,
        UserRef subject,
        UserRef actor,
        String clientId,
        String ipAddress,
        Map<String, Object> details,
        long time) {

    /** Addresses are kept in one form, so a filter or an export finds {@code ::1} however Keycloak wrote it. */
    public AuditEvent {
        ipAddress = ipAddress == null ? null : IpAddresses.canonical(ipAddress);
    }

    public record UserRef(String id, String username) {
    }
}
