package dev.securitycenter.it.support;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the answer of {@code POST …/security-center/policy/preview}. */
public final class PreviewWarnings {

    private PreviewWarnings() {
    }

    /** The preview's warning with this code; fails the test when there is none. */
    public static JsonNode warning(JsonNode preview, String code) {
        for (JsonNode warning : preview.get("warnings")) {
            if (code.equals(warning.get("code").asText())) {
                return warning;
            }
        }
        throw new AssertionError("No " + code + " warning in " + preview);
    }
}
