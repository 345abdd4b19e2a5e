package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * One allowed address or network. {@code createdBy} and {@code createdAt} (ISO-8601) are set by the server.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IpAllowlistEntry(String value, @Nullable String label, @Nullable String createdBy,
                               @Nullable String createdAt) {
}
