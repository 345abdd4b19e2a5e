package dev.securitycenter.rest;

import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditQuery;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Validates the audit endpoints' query parameters; every bad one is a 400 naming it. */
final class AuditQueryParams {

    static final int DEFAULT_MAX = 50;
    static final int MAX_PAGE = 500;

    private AuditQueryParams() {
    }

    /** Paging parameters arrive as text: JAX-RS would answer a non-number with 404 instead of naming it. */
    static int first(String first) {
        int value = integer("first", first, 0);
        if (value < 0) {
            throw ApiErrors.badRequest("first", "must be 0 or more");
        }
        return value;
    }

    static int max(String max) {
        int value = integer("max", max, DEFAULT_MAX);
        if (value < 1 || value > MAX_PAGE) {
            throw ApiErrors.badRequest("max", "must be between 1 and " + MAX_PAGE);
        }
        return value;
    }

    private static int integer(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiErrors.badRequest(field, "must be a whole number");
        }
    }

    static AuditQuery query(KeycloakSession session, RealmModel realm, List<String> types, String user, String from,
                            String to) {
        Long fromMillis = from == null ? null : instant("from", from, false);
        Long toMillis = to == null ? null : instant("to", to, true);
        if (fromMillis != null && toMillis != null && fromMillis >= toMillis) {
            throw ApiErrors.badRequest("to", "must be after from");
        }
        return new AuditQuery(realm.getId(), types(types), userId(session, realm, user), fromMillis, toMillis);
    }

    private static Set<AuditEventType> types(List<String> codes) {
        Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            types.add(AuditEventType.fromCode(code).orElseThrow(() ->
                    ApiErrors.badRequest("type", "unknown event type '" + code + "'")));
        }
        return types;
    }

    /** A user id or username; a value that names no current user is taken as the id of a deleted one. */
    private static String userId(KeycloakSession session, RealmModel realm, String user) {
        if (user == null || user.isBlank()) {
            return null;
        }
        UserModel found = session.users().getUserById(realm, user);
        if (found == null) {
            found = session.users().getUserByUsername(realm, user);
        }
        return found != null ? found.getId() : user;
    }

    /**
     * An ISO-8601 instant ({@code 2025-12-11T14:32:00Z}, with any offset) or a date ({@code 2025-12-11}, UTC). A
     * date as {@code to} includes that whole day.
     */
    private static long instant(String field, String value, boolean endOfDay) {
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeException notADateTime) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            } catch (DateTimeException notADate) {
                throw ApiErrors.badRequest(field, "must be an ISO-8601 instant or date, e.g. "
                        + Instant.parse("2025-12-11T14:32:00Z") + " or 2025-12-11");
            }
        }
    }
}
