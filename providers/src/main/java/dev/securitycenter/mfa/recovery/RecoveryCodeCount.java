package dev.securitycenter.mfa.recovery;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The credential's public data, shown in the admin console: how many codes were issued and how many are left. */
public record RecoveryCodeCount(@JsonProperty("total") int total, @JsonProperty("remaining") int remaining) {
}
