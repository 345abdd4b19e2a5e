package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.annotation.Nullable;

/**
 * One requirement of a standard checked against the realm's effective policy: the clause ({@code ref}), the policy
 * field that decides it (null when no policy field does), whether the policy meets it and why, in our own words.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"ref", "field", "status", "message"})
public record Finding(String ref, @Nullable String field, Status status, String message) {

    public enum Status {
        MET,
        PARTIAL,
        NOT_MET
    }
}
