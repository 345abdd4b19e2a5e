package dev.securitycenter.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a SecurityPolicy document strictly: every field present with the right JSON type, no unknown fields. The
 * read-only fields a GET returns (configured, updatedAt, updatedBy, the entries' createdBy/createdAt) are accepted
 * and ignored, so a document just read can be sent back as it is. All problems are reported at once.
 *
 * <p>The one exception are fields added after the first release ({@link #ADDED_SINCE_0_1_0}): a client written
 * against an earlier release does not know them, so it may leave them out, and each one left out keeps the realm's
 * current value. Defaulting it instead would let such a client switch off a rule it cannot even see.
 */
public final class PolicyDocumentReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> READ_ONLY_ROOT = Set.of("configured", "updatedAt", "updatedBy");
    /** An entry needs only its value; its label may be left out, its stamps are the server's. */
    private static final Set<String> OPTIONAL_ENTRY = Set.of("label", "createdBy", "createdAt");

    /** A list of 10,000 broken entries must not produce a 10,000-line answer. */
    static final int MAX_ERRORS = 50;

    /** Fields of 0.2.0 and later, by their path; each may be left out of a document. */
    static final Set<String> ADDED_SINCE_0_1_0 = Set.of("sso.breakGlassRole");

    private final List<FieldError> errors = new ArrayList<>();
    private final SecurityPolicy current;

    private PolicyDocumentReader(SecurityPolicy current) {
        this.current = current;
    }

    /** Reads {@code json}; a field of {@link #ADDED_SINCE_0_1_0} left out takes its value from {@code current}. */
    public static SecurityPolicy read(String json, SecurityPolicy current) throws InvalidPolicyException {
        JsonNode root;
        try {
            root = json == null || json.isBlank() ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException(List.of(new FieldError("", "is not valid JSON: "
                    + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPolicyException(List.of(new FieldError("", "must be a JSON object")));
        }
        PolicyDocumentReader reader = new PolicyDocumentReader(current);
        SecurityPolicy policy = reader.policy(root);
        if (!reader.errors.isEmpty()) {
            throw new InvalidPolicyException(capped(reader.errors));
        }
        return policy;
    }

    static List<FieldError> capped(List<FieldError> errors) {
        if (errors.size() <= MAX_ERRORS) {
            return errors;
        }
        List<FieldError> first = new ArrayList<>(errors.subList(0, MAX_ERRORS));
        first.add(new FieldError("", "and " + (errors.size() - MAX_ERRORS) + " more errors"));
        return first;
    }

    private SecurityPolicy policy(JsonNode root) {
        known(root, "", Set.of("password", "sessions", "mfa", "lockout", "ipAllowlist", "sso", "notifications"),
                READ_ONLY_ROOT);
        JsonNode password = object(root, "", "password");
        JsonNode sessions = object(root, "", "sessions");
        JsonNode mfa = object(root, "", "mfa");
        JsonNode lockout = object(root, "", "lockout");
        JsonNode allowlist = object(root, "", "ipAllowlist");
        JsonNode sso = object(root, "", "sso");
        JsonNode notifications = object(root, "", "notifications");
        if (password != null) {
            known(password, "password", Set.of("minLength", "requireUppercase", "requireLowercase", "requireDigits",
                    "requireSpecial", "expiryDays", "preventReuse", "blockCommon", "blockBreached", "blockedWords"),
                    Set.of());
        }
        if (sessions != null) {
            known(sessions, "sessions", Set.of("idleTimeoutMinutes", "maxLifetimeHours", "maxConcurrentSessions"),
                    Set.of());
        }
        if (lockout != null) {
            known(lockout, "lockout", Set.of("maxFailures", "durationMinutes", "emailUser", "notifyAdmins"),
                    Set.of());
        }
        if (sso != null) {
            known(sso, "sso", Set.of("required", "breakGlassRole"), Set.of());
        }
        if (notifications != null) {
            known(notifications, "notifications", Set.of("newSignIn", "credentialChanges", "adminEachLockout"),
                    Set.of());
        }
        return new SecurityPolicy(false, null, null,
                password == null ? null : new PasswordRules(
                        integer(password, "password", "minLength", false),
                        bool(password, "password", "requireUppercase"),
                        bool(password, "password", "requireLowercase"),
                        bool(password, "password", "requireDigits"),
                        bool(password, "password", "requireSpecial"),
                        orZero(integer(password, "password", "expiryDays", false)),
                        orZero(integer(password, "password", "preventReuse", false)),
                        bool(password, "password", "blockCommon"),
                        bool(password, "password", "blockBreached"),
                        list(password, "password", "blockedWords", (field, node) -> node.isTextual()
                                ? node.asText() : typeError(field, "must be a word"))),
                sessions == null ? null : new SessionRules(
                        integer(sessions, "sessions", "idleTimeoutMinutes", true),
                        orZero(integer(sessions, "sessions", "maxLifetimeHours", false)),
                        integer(sessions, "sessions", "maxConcurrentSessions", true)),
                mfa == null ? null : mfa(mfa),
                lockout == null ? null : new LockoutRules(
                        integer(lockout, "lockout", "maxFailures", true),
                        integer(lockout, "lockout", "durationMinutes", true),
                        bool(lockout, "lockout", "emailUser"),
                        bool(lockout, "lockout", "notifyAdmins")),
                allowlist == null ? null : allowlist(allowlist),
                sso == null ? null : new SsoRules(bool(sso, "sso", "required"), sso.has("breakGlassRole")
                        ? text(sso, "sso", "breakGlassRole", true) : current.sso().breakGlassRole()),
                notifications == null ? null : new NotificationRules(
                        bool(notifications, "notifications", "newSignIn"),
                        bool(notifications, "notifications", "credentialChanges"),
                        bool(notifications, "notifications", "adminEachLockout")));
    }

    private MfaRules mfa(JsonNode mfa) {
        known(mfa, "mfa", Set.of("enforcement", "methods", "adminRoles", "adminStrength"), Set.of());
        String enforcement = text(mfa, "mfa", "enforcement", false);
        String adminStrength = text(mfa, "mfa", "adminStrength", false);
        return new MfaRules(
                enforcement == null ? null : enumValue("mfa.enforcement", enforcement, MfaEnforcement::valueOf,
                        MfaEnforcement.values()),
                list(mfa, "mfa", "methods", (field, node) -> node.isTextual()
                        ? enumValue(field, node.asText(), MfaMethod::valueOf, MfaMethod.values())
                        : typeError(field, "must be one of " + List.of(MfaMethod.values()))),
                list(mfa, "mfa", "adminRoles", (field, node) -> node.isTextual()
                        ? node.asText() : typeError(field, "must be a role name")),
                adminStrength == null ? null : enumValue("mfa.adminStrength", adminStrength,
                        MfaAdminStrength::valueOf, MfaAdminStrength.values()));
    }

    private IpAllowlistRules allowlist(JsonNode allowlist) {
        known(allowlist, "ipAllowlist", Set.of("enabled", "entries"), Set.of());
        return new IpAllowlistRules(bool(allowlist, "ipAllowlist", "enabled"),
                list(allowlist, "ipAllowlist", "entries", (field, node) -> {
                    if (!node.isObject()) {
                        return typeError(field, "must be an object with value and label");
                    }
                    known(node, field, Set.of("value"), OPTIONAL_ENTRY);
                    return new IpAllowlistEntry(text(node, field, "value", false), text(node, field, "label", true),
                            null, null);
                }));
    }

    private void known(JsonNode object, String path, Set<String> fields, Set<String> ignored) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name) && !ignored.contains(name)) {
                errors.add(new FieldError(join(path, name), "is not a field of the security policy"));
            }
        }
        for (String field : fields) {
            if (!object.has(field) && !ADDED_SINCE_0_1_0.contains(join(path, field))) {
                errors.add(new FieldError(join(path, field), "is required"));
            }
        }
    }

    private JsonNode object(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(join(path, name), "must be an object"));
            return null;
        }
        return node;
    }

    private Integer integer(JsonNode parent, String path, String name, boolean nullable) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            if (!nullable) {
                errors.add(new FieldError(join(path, name), "must be a whole number"));
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(new FieldError(join(path, name), nullable ? "must be a whole number or null"
                    : "must be a whole number"));
            return null;
        }
        return node.intValue();
    }

    private boolean bool(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node != null && !node.isBoolean()) {
            errors.add(new FieldError(join(path, name), "must be true or false"));
        }
        return node != null && node.asBoolean();
    }

    private String text(JsonNode parent, String path, String name, boolean nullable) {
        JsonNode node = parent.get(name);
        if (node == null || (nullable && node.isNull())) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(join(path, name), "must be a string"));
            return null;
        }
        return node.asText();
    }

    private <T> List<T> list(JsonNode parent, String path, String name, ElementReader<T> element) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            errors.add(new FieldError(join(path, name), "must be a list"));
            return null;
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(element.read(join(path, name) + "[" + i + "]", node.get(i)));
        }
        return values;
    }

    private <E extends Enum<E>> E enumValue(String field, String value, Function<String, E> parse, E[] allowed) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + List.of(allowed)));
            return null;
        }
    }

    private <T> T typeError(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        T read(String field, JsonNode node);
    }
}
