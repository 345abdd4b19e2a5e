package dev.securitycenter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitycenter.policy.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the account API's small request bodies, objects of text fields, strictly: a body that is not a JSON object,
 * a field that is not text and a field the endpoint does not know are refused with a 400 naming them, instead of
 * being coerced (a number read as text) or answered with an error that names nothing. An empty body is an empty
 * object, so a missing field is reported by the endpoint's own rules.
 */
final class StrictJsonBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> values;

    private StrictJsonBody(Map<String, String> values) {
        this.values = values;
    }

    static StrictJsonBody read(String body, Set<String> fields) {
        if (body == null || body.isBlank()) {
            return new StrictJsonBody(Map.of());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiErrors.badRequest("", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiErrors.badRequest("", "must be a JSON object");
        }
        Map<String, String> values = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!fields.contains(field.getKey())) {
                errors.add(new FieldError(field.getKey(), "is not a field of this request"));
            } else if (value.isTextual()) {
                values.put(field.getKey(), value.asText());
            } else if (!value.isNull()) {
                errors.add(new FieldError(field.getKey(), "must be text"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiErrors.badRequest(errors.size() > 10 ? errors.subList(0, 10) : errors);
        }
        return new StrictJsonBody(values);
    }

    /** The field's text, or null when it is absent or null. */
    String text(String field) {
        return values.get(field);
    }
}
