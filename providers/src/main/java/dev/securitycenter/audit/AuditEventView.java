package dev.securitycenter.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.securitycenter.jpa.AuditEventEntity;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** An audit event as the APIs and exports show it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "time", "type", "userId", "username", "actorId", "actorUsername", "clientId",
        "ipAddress", "details"})
public record AuditEventView(
        String id,
        String time,
        String type,
        @Nullable String userId,
        @Nullable String username,
        @Nullable String actorId,
        @Nullable String actorUsername,
        @Nullable String clientId,
        @Nullable String ipAddress,
        @Nullable @JsonRawValue String details) {

    static AuditEventView of(AuditEventEntity row) {
        return new AuditEventView(row.getId(), Instant.ofEpochMilli(row.getTime()).toString(), row.getType(),
                row.getSubjectUserId(), row.getSubjectUsername(), row.getActorUserId(), row.getActorUsername(),
                row.getClientId(), row.getIpAddress(), row.getDetails());
    }
}
