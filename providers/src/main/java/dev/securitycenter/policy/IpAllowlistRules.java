package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Whether sign-in is limited to listed networks, and the list. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IpAllowlistRules(boolean enabled, List<IpAllowlistEntry> entries) {
}
