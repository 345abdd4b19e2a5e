package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One broken rule: the field's path in the document (e.g. {@code password.minLength}) and what is wrong. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldError(String field, String message) {
}
