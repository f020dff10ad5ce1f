package io.salesbi.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesbi.connectors.mapping.SourceMapping.FileFormat;
import io.salesbi.connectors.mapping.SourceMapping.UnknownColumns;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the YAML tree of one mapping file into a validated {@link SourceMapping}. Every error names the file
 * and the key, so that whoever edits a mapping sees at once what to fix.
 */
final class MappingFileParser {

    static final double DEFAULT_MAX_REJECT_RATIO = 0.2;

    private static final Set<String> TOP_KEYS = Set.of("name", "inbox", "file-pattern", "target", "format", "sheet",
            "sheet-index", "header-row", "encoding", "delimiter", "locale", "unknown-columns", "max-reject-ratio",
            "include-hidden-rows", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("column", "aliases", "field", "type", "format", "required");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TARGET = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    private final String origin;

    MappingFileParser(String origin) {
        this.origin = origin;
    }

    SourceMapping parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("the file must be a YAML mapping (key: value lines), found " + describe(root));
        }
        checkKeys(root, TOP_KEYS, "");
        String name = identifier(root, "name", NAME);
        String inbox = requiredText(root, "inbox");
        String filePattern = requiredText(root, "file-pattern");
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + filePattern);
        } catch (RuntimeException e) {
            throw error("key 'file-pattern': '" + filePattern + "' is not a valid glob: " + e.getMessage());
        }
        String target = identifier(root, "target", TARGET);
        FileFormat format = enumValue(root, "format", FileFormat.class, null);
        String sheetName = optionalText(root, "sheet");
        Integer sheetIndex = optionalInt(root, "sheet-index", 0);
        Integer headerRow = optionalInt(root, "header-row", 1);
        Charset encoding = charset(root);
        Character delimiter = delimiter(root);
        Locale locale = locale(root);
        UnknownColumns unknownColumns = enumValue(root, "unknown-columns", UnknownColumns.class, UnknownColumns.WARN);
        double maxRejectRatio = ratio(root);
        boolean includeHiddenRows = optionalBoolean(root, "include-hidden-rows");
        List<FieldMapping> fields = fields(root.get("fields"));
        return new SourceMapping(name, inbox, filePattern, format, target, sheetName,
                sheetIndex == null ? 0 : sheetIndex, headerRow, encoding, delimiter, locale, fields,
                unknownColumns, maxRejectRatio, includeHiddenRows);
    }

    private List<FieldMapping> fields(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw error("key 'fields' must be a non-empty list of { column, field, type } entries, found "
                    + describe(node));
        }
        List<FieldMapping> fields = new ArrayList<>();
        Set<String> fieldNames = new HashSet<>();
        Set<String> columns = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String where = "fields[" + i + "].";
            if (!entry.isObject()) {
                throw error("key '" + where.substring(0, where.length() - 1) + "' must be a mapping, found "
                        + describe(entry));
            }
            checkKeys(entry, FIELD_KEYS, where);
            String column = requiredText(entry, "column", where);
            String field = identifier(entry, "field", NAME, where);
            FieldType type = enumValue(entry, "type", FieldType.class, null, where);
            if (type == null) {
                throw error("key '" + where + "type' is missing (one of " + lower(FieldType.values()) + ")");
            }
            String format = optionalText(entry, "format", where);
            if (format != null) {
                checkDatePattern(format, type, where);
            }
            List<String> aliases = aliases(entry.get("aliases"), where);
            boolean required = optionalBoolean(entry, "required", where);
            if (!fieldNames.add(field)) {
                throw error("key '" + where + "field': field '" + field + "' is mapped twice");
            }
            for (String header : concat(column, aliases)) {
                if (!columns.add(HeaderNames.normalize(header))) {
                    throw error("key '" + where + "column': column '" + header + "' is mapped twice");
                }
            }
            fields.add(new FieldMapping(column, aliases, field, type, format, required));
        }
        return List.copyOf(fields);
    }

    private void checkDatePattern(String format, FieldType type, String where) {
        if (type != FieldType.DATE && type != FieldType.TIMESTAMP) {
            throw error("key '" + where + "format' is only allowed for date and timestamp fields, this one is "
                    + type.name().toLowerCase(Locale.ROOT));
        }
        try {
            DateTimeFormatter.ofPattern(format);
        } catch (IllegalArgumentException e) {
            throw error("key '" + where + "format': '" + format + "' is not a valid date pattern: " + e.getMessage());
        }
    }

    private List<String> aliases(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error("key '" + where + "aliases' must be a list of header texts, found " + describe(node));
        }
        List<String> aliases = new ArrayList<>();
        node.forEach(a -> aliases.add(a.asText()));
        return List.copyOf(aliases);
    }

    private Charset charset(JsonNode root) {
        String name = optionalText(root, "encoding");
        if (name == null || name.equalsIgnoreCase("detect")) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw error("key 'encoding': '" + name + "' is not a known charset (e.g. UTF-8, windows-1252, detect)");
        }
    }

    private Character delimiter(JsonNode root) {
        String text = optionalText(root, "delimiter", "", false);
        if (text == null || text.equalsIgnoreCase("detect")) {
            return null;
        }
        if (text.equalsIgnoreCase("tab") || text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
            throw error("key 'delimiter': '" + text + "' must be a single character such as ; , | or tab");
        }
        return text.charAt(0);
    }

    private Locale locale(JsonNode root) {
        String tag = optionalText(root, "locale");
        if (tag == null) {
            return Locale.ROOT;
        }
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) {
            throw error("key 'locale': '" + tag + "' is not a language tag such as de-DE or en-US");
        }
        return locale;
    }

    private double ratio(JsonNode root) {
        JsonNode node = root.get("max-reject-ratio");
        if (node == null || node.isNull()) {
            return DEFAULT_MAX_REJECT_RATIO;
        }
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            throw error("key 'max-reject-ratio' must be a number from 0 to 1 (0.2 = 20 %), found " + describe(node));
        }
        return node.asDouble();
    }

    private void checkKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw error("unknown key '" + where + key + "' (known keys: " + known.stream().sorted().toList() + ")");
            }
        }
    }

    private String identifier(JsonNode node, String key, Pattern pattern) {
        return identifier(node, key, pattern, "");
    }

    private String identifier(JsonNode node, String key, Pattern pattern, String where) {
        String value = requiredText(node, key, where);
        if (!pattern.matcher(value).matches()) {
            throw error("key '" + where + key + "': '" + value + "' must match " + pattern.pattern());
        }
        return value;
    }

    private String requiredText(JsonNode node, String key) {
        return requiredText(node, key, "");
    }

    private String requiredText(JsonNode node, String key, String where) {
        String value = optionalText(node, key, where);
        if (value == null) {
            throw error("key '" + where + key + "' is missing or empty");
        }
        return value;
    }

    private String optionalText(JsonNode node, String key) {
        return optionalText(node, key, "");
    }

    private String optionalText(JsonNode node, String key, String where) {
        return optionalText(node, key, where, true);
    }

    private String optionalText(JsonNode node, String key, String where, boolean trim) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw error("key '" + where + key + "' must be a single value, found " + describe(value));
        }
        String text = trim ? value.asText().trim() : value.asText();
        return text.isEmpty() ? null : text;
    }

    private Integer optionalInt(JsonNode node, String key, int min) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min) {
            throw error("key '" + key + "' must be a whole number >= " + min + ", found " + describe(value));
        }
        return value.asInt();
    }

    private boolean optionalBoolean(JsonNode node, String key) {
        return optionalBoolean(node, key, "");
    }

    private boolean optionalBoolean(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw error("key '" + where + key + "' must be true or false, found " + describe(value));
        }
        return value.asBoolean();
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String key, Class<E> type, E fallback) {
        return enumValue(node, key, type, fallback, "");
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String key, Class<E> type, E fallback, String where) {
        String text = optionalText(node, key, where);
        if (text == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw error("key '" + where + key + "': '" + text + "' is not one of " + lower(type.getEnumConstants()));
    }

    private static List<String> lower(Enum<?>[] constants) {
        List<String> names = new ArrayList<>();
        for (Enum<?> c : constants) {
            names.add(c.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Mapping file " + origin + ": " + problem);
    }
}
