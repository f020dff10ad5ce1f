package io.salesbi.connectors.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares a record that a YAML file binds to with the JSON Schema object published for editors, so that the two
 * cannot drift: the same keys, the same required keys, and for each key a compatible type. The tests of
 * {@code docs/schema/*.schema.json} use it.
 */
public final class RecordSchemas {

    private RecordSchemas() {}

    /** What differs between {@code record} and the schema object {@code schema}; empty when they agree. */
    public static List<String> differences(Class<?> record, JsonNode schema) {
        List<String> differences = new ArrayList<>();
        String name = record.getSimpleName();
        Set<String> keys = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            String key = YamlBinder.key(c);
            keys.add(key);
            if (c.getAccessor().isAnnotationPresent(NotBlank.class)
                    || c.getAccessor().isAnnotationPresent(NotNull.class)
                    || c.getAccessor().isAnnotationPresent(NotEmpty.class)) {
                required.add(key);
            }
            JsonNode property = schema.path("properties").path(key);
            if (!property.isMissingNode()) {
                String expected = jsonType(c.getType());
                String actual =
                        property.has("enum") ? "enum" : property.path("type").asText(null);
                // a text whose values the schema lists (locale: de or en) is checked by a pattern in the record
                boolean listedText = expected != null && expected.equals("string") && "enum".equals(actual);
                if (expected != null && actual != null && !expected.equals(actual) && !listedText) {
                    differences.add(
                            name + "." + key + ": the record reads " + expected + ", the schema says " + actual);
                }
                if (c.getType().isEnum() && property.has("enum")) {
                    Set<String> constants = Arrays.stream(c.getType().getEnumConstants())
                            .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.toCollection(TreeSet::new));
                    Set<String> listed = new TreeSet<>();
                    property.path("enum").forEach(v -> listed.add(v.asText()));
                    if (!constants.equals(listed)) {
                        differences.add(
                                name + "." + key + ": the record takes " + constants + ", the schema lists " + listed);
                    }
                }
            }
        }
        Set<String> schemaKeys = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(schemaKeys::add);
        if (!keys.equals(schemaKeys)) {
            differences.add(name + ": the record has keys " + keys + ", the schema " + schemaKeys);
        }
        Set<String> schemaRequired = new TreeSet<>();
        schema.path("required").forEach(r -> schemaRequired.add(r.asText()));
        if (!required.equals(schemaRequired)) {
            differences.add(name + ": the record requires " + required + ", the schema " + schemaRequired);
        }
        if (!schema.path("additionalProperties").isBoolean()
                || schema.path("additionalProperties").asBoolean()) {
            differences.add(
                    name + ": the schema must say additionalProperties: false, as the binder rejects unknown keys");
        }
        return differences;
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == Double.class) {
            return "number";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        return type.isEnum() ? "enum" : null;
    }
}
