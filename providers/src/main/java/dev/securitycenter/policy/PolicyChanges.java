package dev.securitycenter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields that differ between two policies, as audit details: {@code field}, {@code from}, {@code to}. The
 * allowlist is summarised as the addresses added and removed (at most {@value #MAX_LISTED} of each, with counts),
 * since it can hold thousands of entries. Bookkeeping fields (configured, updatedAt, updatedBy) are not changes.
 */
public final class PolicyChanges {

    static final int MAX_LISTED = 20;
    private static final Set<String> BOOKKEEPING = Set.of("configured", "updatedAt", "updatedBy");
    private static final String ALLOWLIST_ENTRIES = "ipAllowlist.entries";
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private PolicyChanges() {
    }

    public static List<Map<String, Object>> between(SecurityPolicy before, SecurityPolicy after) {
        List<Map<String, Object>> changes = new ArrayList<>();
        compare("", MAPPER.valueToTree(before), MAPPER.valueToTree(after), changes);
        return changes;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Map<String, Object>> changes) {
        if (ALLOWLIST_ENTRIES.equals(path)) {
            compareAllowlist(before, after, changes);
        } else if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (path.isEmpty() && BOOKKEEPING.contains(name)) {
                    continue;
                }
                compare(path.isEmpty() ? name : path + "." + name, before.path(name), after.path(name), changes);
            }
        } else if (!before.equals(after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", path);
            change.put("from", MAPPER.convertValue(before, Object.class));
            change.put("to", MAPPER.convertValue(after, Object.class));
            changes.add(change);
        }
    }

    private static void compareAllowlist(JsonNode before, JsonNode after, List<Map<String, Object>> changes) {
        Set<String> old = values(before);
        Set<String> now = values(after);
        List<String> added = now.stream().filter(v -> !old.contains(v)).toList();
        List<String> removed = old.stream().filter(v -> !now.contains(v)).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", ALLOWLIST_ENTRIES);
        change.put("addedCount", added.size());
        change.put("added", added.subList(0, Math.min(MAX_LISTED, added.size())));
        change.put("removedCount", removed.size());
        change.put("removed", removed.subList(0, Math.min(MAX_LISTED, removed.size())));
        changes.add(change);
    }

    private static Set<String> values(JsonNode entries) {
        Set<String> values = new LinkedHashSet<>();
        for (Iterator<JsonNode> it = entries.elements(); it.hasNext(); ) {
            values.add(it.next().path("value").asText());
        }
        return values;
    }
}
