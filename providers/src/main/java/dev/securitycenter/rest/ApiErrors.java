package dev.securitycenter.rest;

import dev.securitycenter.policy.FieldError;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** The one shape of every 400 this extension answers: {@code {"errors":[{"field":…,"message":…}]}}. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static BadRequestException badRequest(String field, String message) {
        return badRequest(List.of(new FieldError(field, message)));
    }

    /** The request is valid but the realm's state does not allow it (same error shape, status 409). */
    public static WebApplicationException conflict(String field, String message) {
        return new WebApplicationException(Response.status(Response.Status.CONFLICT)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errors", List.of(new FieldError(field, message))))
                .build());
    }

    /** Every error at once; entries are {@link FieldError}s or records of the same shape with more detail. */
    public static BadRequestException badRequest(List<?> errors) {
        return new BadRequestException(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errors", errors))
                .build());
    }

    /** The caller may not do this (same error shape, status 403), e.g. disabling 2FA the policy requires. */
    public static WebApplicationException forbidden(String field, String message) {
        return new WebApplicationException(Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errors", List.of(new FieldError(field, message))))
                .build());
    }
}
