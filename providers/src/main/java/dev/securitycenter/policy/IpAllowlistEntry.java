package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One allowed address or network. {@code createdBy} and {@code createdAt} (ISO-8601) are set by the server.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IpAllowlistEntry(String value, String label, String createdBy, String createdAt) {
}
