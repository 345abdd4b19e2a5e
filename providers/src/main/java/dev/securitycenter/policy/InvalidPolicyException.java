package dev.securitycenter.policy;

import java.util.List;

/** A policy document that breaks rules; nothing has been changed. */
public class InvalidPolicyException extends Exception {

    private final transient List<FieldError> errors;

    public InvalidPolicyException(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
