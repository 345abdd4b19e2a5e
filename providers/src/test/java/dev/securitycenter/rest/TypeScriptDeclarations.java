package dev.securitycenter.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.annotation.Nullable;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * TypeScript declarations of the JSON that Jackson writes for records and enums, read from the classes by
 * reflection: one {@code export type} per named class, a record's components as properties, an enum as the union
 * of its constant names. A component is {@code | null} when it is marked {@link Nullable}; a nullable component of
 * a record that does not ask for {@link JsonInclude.Include#ALWAYS} is optional instead, since Keycloak's object
 * mapper leaves nulls out. Every record or enum a component refers to must be named too, so a type the consoles
 * see never appears under a Java name by accident.
 */
final class TypeScriptDeclarations {

    private final Map<Class<?>, String> names = new LinkedHashMap<>();

    /** {@code typeScriptName -> class}, in the order the declarations are written. */
    TypeScriptDeclarations(Map<String, Class<?>> named) {
        named.forEach((name, type) -> names.put(type, name));
    }

    String render(String header) {
        StringBuilder out = new StringBuilder(header);
        names.forEach((type, name) -> out.append('\n').append(declaration(type, name)));
        return out.toString();
    }

    private String declaration(Class<?> type, String name) {
        String source = "/** " + type.getName().replace('$', '.') + " */\n";
        if (type.isEnum()) {
            return source + "export type " + name + " = " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> '"' + ((Enum<?>) constant).name() + '"')
                    .collect(Collectors.joining(" | ")) + ";\n";
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is neither a record nor an enum");
        }
        boolean nullsWritten = includesNulls(type.getAnnotation(JsonInclude.class));
        StringBuilder body = new StringBuilder(source).append("export type ").append(name).append(" = {\n");
        for (RecordComponent component : type.getRecordComponents()) {
            // Jackson's annotations cannot sit on a record component, so Java hands them on to the accessor
            Method accessor = component.getAccessor();
            if (accessor.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            boolean nullable = component.isAnnotationPresent(Nullable.class);
            boolean optional = nullable && !(nullsWritten || includesNulls(accessor.getAnnotation(JsonInclude.class)));
            String tsType = accessor.isAnnotationPresent(JsonRawValue.class)
                    // written into the answer as the JSON object it holds
                    ? "Record<string, unknown>"
                    : typeOf(component.getGenericType(), type);
            body.append("  ").append(propertyName(accessor)).append(optional ? "?: " : ": ").append(tsType)
                    .append(nullable && !optional ? " | null" : "").append(";\n");
        }
        return body.append("};\n").toString();
    }

    private static boolean includesNulls(JsonInclude include) {
        return include != null && include.value() == JsonInclude.Include.ALWAYS;
    }

    private static String propertyName(Method accessor) {
        JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : accessor.getName();
    }

    private String typeOf(Type type, Class<?> owner) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                String element = typeOf(arguments[0], owner);
                return element.contains(" ") ? "(" + element + ")[]" : element + "[]";
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                return "Record<string, " + typeOf(arguments[1], owner) + ">";
            }
            // an EnumMap answer carries every constant as a key
            if (Map.class.isAssignableFrom(raw) && arguments[0] instanceof Class<?> key && key.isEnum()) {
                return "Record<" + typeOf(key, owner) + ", " + typeOf(arguments[1], owner) + ">";
            }
        }
        if (type instanceof Class<?> plain) {
            if (plain == boolean.class || plain == Boolean.class) {
                return "boolean";
            }
            if (plain.isPrimitive() && plain != char.class || Number.class.isAssignableFrom(plain)) {
                return "number";
            }
            if (plain == String.class || plain == char.class || plain == Character.class) {
                return "string";
            }
            String name = names.get(plain);
            if (name != null) {
                return name;
            }
            if (plain.isRecord() || plain.isEnum()) {
                throw new IllegalStateException(plain.getName() + " (in " + owner.getName()
                        + ") has no TypeScript name: add it to the list of answer types");
            }
        }
        throw new IllegalStateException("No TypeScript type for " + type.getTypeName() + " in " + owner.getName());
    }
}
