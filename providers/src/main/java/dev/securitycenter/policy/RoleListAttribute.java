package dev.securitycenter.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** Role names are stored as a JSON array, since a role name may contain any character, commas included. */
final class RoleListAttribute {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RoleListAttribute() {
    }

    static String write(List<String> roles) {
        try {
            return MAPPER.writeValueAsString(roles);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A missing or unreadable value (edited by hand) reads as the default. */
    static List<String> read(String value, List<String> fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return MAPPER.readValue(value, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }
}
