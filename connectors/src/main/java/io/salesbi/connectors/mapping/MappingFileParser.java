package io.salesbi.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesbi.connectors.mapping.FieldMapping.Otherwise;
import io.salesbi.connectors.mapping.SourceMapping.FileFormat;
import io.salesbi.connectors.mapping.SourceMapping.UnknownColumns;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the YAML tree of one mapping file into a validated {@link SourceMapping}. Every problem is collected, not
 * only the first, and each names the file, the line and the key, with a "did you mean" where a known name is close,
 * so that whoever edits a mapping sees at once everything to fix ({@link MappingException}).
 */
final class MappingFileParser {

    static final double DEFAULT_MAX_REJECT_RATIO = 0.2;

    static final Set<String> TOP_KEYS = Set.of("name", "inbox", "file-pattern", "target", "format", "sheet",
            "sheet-index", "header-row", "encoding", "delimiter", "locale", "unknown-columns", "max-reject-ratio",
            "include-hidden-rows", "fields", "inputs", "drop-rows-where");
    static final Set<String> FIELD_KEYS = Set.of("column", "aliases", "field", "type", "format", "required", "value",
            "default", "map", "otherwise", "expression");
    static final Set<String> INPUT_KEYS = Set.of("column", "aliases", "name", "type", "format", "default");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TARGET = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    private final String origin;
    private final YamlPositions positions;
    private final TargetSchema schema;
    private final List<String> problems = new ArrayList<>();
    private List<String> targetColumns;
    private String inbox;
    private String filePattern;

    MappingFileParser(String origin, YamlPositions positions, TargetSchema schema) {
        this.origin = origin;
        this.positions = positions;
        this.schema = schema;
    }

    SourceMapping parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("", "the file must be a YAML mapping (key: value lines), found " + describe(root));
            throw failure();
        }
        checkKeys(root, TOP_KEYS, "");
        String name = identifier(root, "name", NAME, "");
        inbox = requiredText(root, "inbox", "");
        filePattern = requiredText(root, "file-pattern", "");
        if (filePattern != null) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + filePattern);
            } catch (RuntimeException e) {
                problem("/file-pattern", "key 'file-pattern': '" + filePattern + "' is not a valid glob: " + e.getMessage());
            }
        }
        String target = identifier(root, "target", TARGET, "");
        if (target != null && schema != null) {
            targetColumns = schema.columnsByTable().get(target);
            if (targetColumns == null) {
                problem("/target", "key 'target': '" + target + "' is not a raw table of the warehouse"
                        + Suggestions.didYouMean(target, schema.columnsByTable().keySet()) + "; known: "
                        + schema.columnsByTable().keySet().stream().sorted().toList());
            }
        }
        FileFormat format = enumValue(root, "format", FileFormat.class, null, "");
        String sheetName = optionalText(root, "sheet", "", true);
        Integer sheetIndex = optionalInt(root, "sheet-index", 0);
        Integer headerRow = optionalInt(root, "header-row", 1);
        Charset encoding = charset(root);
        Character delimiter = delimiter(root);
        Locale locale = locale(root);
        UnknownColumns unknownColumns = enumValue(root, "unknown-columns", UnknownColumns.class, UnknownColumns.WARN, "");
        double maxRejectRatio = ratio(root);
        boolean includeHiddenRows = optionalBoolean(root, "include-hidden-rows", "");
        String dropRowsWhere = optionalText(root, "drop-rows-where", "", true);
        List<FieldMapping> fields = fields(root.get("fields"), root.get("inputs"));
        if (!problems.isEmpty()) {
            throw failure();
        }
        return new SourceMapping(name, inbox, filePattern, format, target, sheetName,
                sheetIndex == null ? 0 : sheetIndex, headerRow, encoding, delimiter, locale, fields,
                unknownColumns, maxRejectRatio, includeHiddenRows, dropRowsWhere);
    }

    private List<FieldMapping> fields(JsonNode node, JsonNode inputs) {
        List<FieldMapping> fields = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem("/fields", "key 'fields' must be a non-empty list of { column, field, type } entries, found "
                    + describe(node));
            return fields;
        }
        Set<String> fieldNames = new HashSet<>();
        Set<String> columns = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            FieldMapping f = field(node.get(i), "fields[" + i + "].", "/fields/" + i);
            if (f != null) {
                register(f, "/fields/" + i, fieldNames, columns);
                fields.add(f);
            }
        }
        // an input may read a column a field reads too: a row filter on the delivered text of a column whose field
        // translates it through a value map
        Set<String> inputColumns = new HashSet<>();
        if (inputs != null && !inputs.isNull()) {
            if (!inputs.isArray()) {
                problem("/inputs", "key 'inputs' must be a list of { column, name, type } entries, found "
                        + describe(inputs));
            } else {
                for (int i = 0; i < inputs.size(); i++) {
                    FieldMapping f = input(inputs.get(i), "inputs[" + i + "].", "/inputs/" + i);
                    if (f != null) {
                        register(f, "/inputs/" + i, fieldNames, inputColumns);
                        fields.add(f);
                    }
                }
            }
        }
        return List.copyOf(fields);
    }

    private void register(FieldMapping f, String pointer, Set<String> fieldNames, Set<String> columns) {
        if (!fieldNames.add(f.field())) {
            problem(pointer, "field '" + f.field() + "' is mapped twice");
        }
        if (f.column() != null) {
            for (String header : concat(f.column(), f.aliases())) {
                if (!columns.add(HeaderNames.normalize(header))) {
                    problem(pointer + "/column", "column '" + header + "' is mapped twice");
                }
            }
        }
    }

    private FieldMapping field(JsonNode entry, String where, String pointer) {
        if (!entry.isObject()) {
            problem(pointer, "key '" + where.substring(0, where.length() - 1) + "' must be a mapping, found "
                    + describe(entry));
            return null;
        }
        int before = problems.size();
        checkKeys(entry, FIELD_KEYS, where, pointer);
        String column = optionalText(entry, "column", where, true);
        String value = optionalText(entry, "value", where, false);
        String expression = optionalText(entry, "expression", where, true);
        int sources = (column != null ? 1 : 0) + (entry.hasNonNull("value") ? 1 : 0) + (expression != null ? 1 : 0);
        if (sources != 1) {
            problem(pointer, "key '" + where.substring(0, where.length() - 1) + "' needs exactly one of 'column' (read"
                    + " from the file), 'value' (a constant) or 'expression' (computed), found " + sources);
        }
        String field = identifier(entry, "field", NAME, where, pointer);
        if (field != null && targetColumns != null && !targetColumns.contains(field)) {
            problem(pointer + "/field", "key '" + where + "field': '" + field + "' is not a field of the target"
                    + Suggestions.didYouMean(field, targetColumns) + "; its fields: " + targetColumns);
        }
        FieldType type = enumValue(entry, "type", FieldType.class, null, where, pointer);
        if (type == null && !entry.hasNonNull("type")) {
            problem(pointer + "/type", "key '" + where + "type' is missing (one of " + lower(FieldType.values()) + ")");
        }
        String format = optionalText(entry, "format", where, true);
        if (format != null && type != null) {
            checkDatePattern(format, type, where, pointer);
        }
        List<String> aliases = aliases(entry.get("aliases"), where, pointer);
        boolean required = optionalBoolean(entry, "required", where, pointer);
        String defaultValue = optionalText(entry, "default", where, false);
        Map<String, String> valueMap = valueMap(entry.get("map"), where, pointer);
        Otherwise otherwise = otherwise(entry.get("otherwise"), where, pointer);
        if (column == null && (defaultValue != null || !valueMap.isEmpty() || !aliases.isEmpty())) {
            problem(pointer, "keys 'default', 'map' and 'aliases' of '" + where.substring(0, where.length() - 1)
                    + "' apply to a value read from a 'column'");
        }
        if (entry.has("otherwise") && valueMap.isEmpty()) {
            problem(pointer + "/otherwise", "key '" + where + "otherwise' needs a 'map' beside it");
        }
        if (problems.size() > before) {
            return null;
        }
        return new FieldMapping(column, aliases, field, type, format, required, value, defaultValue, valueMap,
                otherwise, expression, false);
    }

    private FieldMapping input(JsonNode entry, String where, String pointer) {
        if (!entry.isObject()) {
            problem(pointer, "key '" + where.substring(0, where.length() - 1) + "' must be a mapping, found "
                    + describe(entry));
            return null;
        }
        int before = problems.size();
        checkKeys(entry, INPUT_KEYS, where, pointer);
        String column = requiredText(entry, "column", where, pointer);
        String name = identifier(entry, "name", NAME, where, pointer);
        FieldType type = enumValue(entry, "type", FieldType.class, FieldType.STRING, where, pointer);
        String format = optionalText(entry, "format", where, true);
        if (format != null) {
            checkDatePattern(format, type, where, pointer);
        }
        List<String> aliases = aliases(entry.get("aliases"), where, pointer);
        String defaultValue = optionalText(entry, "default", where, false);
        if (problems.size() > before) {
            return null;
        }
        return new FieldMapping(column, aliases, name, type, format, false, null, defaultValue, Map.of(),
                Otherwise.QUARANTINE_RULE, null, true);
    }

    private Map<String, String> valueMap(JsonNode node, String where, String pointer) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject() || node.isEmpty()) {
            problem(pointer + "/map", "key '" + where + "map' must be a mapping of delivered value to canonical value"
                    + " such as { \"Consumer\": FIELD_SALES }, found " + describe(node));
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = mapKey(e.getKey());
            if (!e.getValue().isValueNode()) {
                problem(pointer + "/map/" + e.getKey(), "key '" + where + "map': the value for '" + e.getKey()
                        + "' must be a single value, found " + describe(e.getValue()));
            } else if (map.put(key, e.getValue().isNull() ? null : e.getValue().asText()) != null) {
                problem(pointer + "/map/" + e.getKey(), "key '" + where + "map' lists '" + e.getKey()
                        + "' twice (values are compared case- and whitespace-insensitively)");
            }
        }
        return map;
    }

    /** The form in which a value map compares delivered values: trimmed, inner spaces collapsed, lower case. */
    static String mapKey(String value) {
        return HeaderNames.normalize(value).toLowerCase(Locale.ROOT);
    }

    private Otherwise otherwise(JsonNode node, String where, String pointer) {
        if (node == null || node.isNull()) {
            return Otherwise.QUARANTINE_RULE;
        }
        if (node.isObject() && node.size() == 1 && node.has("value") && node.get("value").isValueNode()) {
            return new Otherwise(Otherwise.Action.FIXED, node.get("value").asText());
        }
        if (!node.isValueNode()) {
            problem(pointer + "/otherwise", "key '" + where + "otherwise' must be quarantine, keep or { value: X },"
                    + " found " + describe(node));
            return Otherwise.QUARANTINE_RULE;
        }
        String text = node.asText().trim();
        if (text.equalsIgnoreCase("quarantine")) {
            return Otherwise.QUARANTINE_RULE;
        }
        if (text.equalsIgnoreCase("keep")) {
            return new Otherwise(Otherwise.Action.KEEP, null);
        }
        return new Otherwise(Otherwise.Action.FIXED, text);
    }

    private void checkDatePattern(String format, FieldType type, String where, String pointer) {
        if (type != FieldType.DATE && type != FieldType.TIMESTAMP) {
            problem(pointer + "/format", "key '" + where + "format' is only allowed for date and timestamp fields,"
                    + " this one is " + type.name().toLowerCase(Locale.ROOT));
            return;
        }
        try {
            var unused = DateTimeFormatter.ofPattern(format); // parsed only to check the pattern
        } catch (IllegalArgumentException e) {
            problem(pointer + "/format", "key '" + where + "format': '" + format + "' is not a valid date pattern: "
                    + e.getMessage());
        }
    }

    private List<String> aliases(JsonNode node, String where, String pointer) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(pointer + "/aliases", "key '" + where + "aliases' must be a list of header texts, found "
                    + describe(node));
            return List.of();
        }
        List<String> aliases = new ArrayList<>();
        node.forEach(a -> aliases.add(a.asText()));
        return List.copyOf(aliases);
    }

    private Charset charset(JsonNode root) {
        String name = optionalText(root, "encoding", "", true);
        if (name == null || name.equalsIgnoreCase("detect")) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            problem("/encoding", "key 'encoding': '" + name + "' is not a known charset (e.g. UTF-8, windows-1252,"
                    + " IBM850, detect)" + Suggestions.didYouMean(name, Charset.availableCharsets().keySet()));
            return null;
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
            problem("/delimiter", "key 'delimiter': '" + text + "' must be a single character such as ; , | or tab");
            return null;
        }
        return text.charAt(0);
    }

    private Locale locale(JsonNode root) {
        String tag = optionalText(root, "locale", "", true);
        if (tag == null) {
            return Locale.ROOT;
        }
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) {
            problem("/locale", "key 'locale': '" + tag + "' is not a language tag such as de-DE or en-US");
            return Locale.ROOT;
        }
        return locale;
    }

    private double ratio(JsonNode root) {
        JsonNode node = root.get("max-reject-ratio");
        if (node == null || node.isNull()) {
            return DEFAULT_MAX_REJECT_RATIO;
        }
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            problem("/max-reject-ratio", "key 'max-reject-ratio' must be a number from 0 to 1 (0.2 = 20 %), found "
                    + describe(node));
            return DEFAULT_MAX_REJECT_RATIO;
        }
        return node.asDouble();
    }

    private void checkKeys(JsonNode node, Set<String> known, String where) {
        checkKeys(node, known, where, "");
    }

    private void checkKeys(JsonNode node, Set<String> known, String where, String pointer) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problem(pointer + "/" + key, "unknown key '" + where + key + "'" + Suggestions.didYouMean(key, known)
                        + "; known keys: " + known.stream().sorted().toList());
            }
        }
    }

    private String identifier(JsonNode node, String key, Pattern pattern, String where) {
        return identifier(node, key, pattern, where, "");
    }

    private String identifier(JsonNode node, String key, Pattern pattern, String where, String pointer) {
        String value = requiredText(node, key, where, pointer);
        if (value != null && !pattern.matcher(value).matches()) {
            problem(pointer + "/" + key, "key '" + where + key + "': '" + value + "' must match " + pattern.pattern());
            return null;
        }
        return value;
    }

    private String requiredText(JsonNode node, String key, String where) {
        return requiredText(node, key, where, "");
    }

    private String requiredText(JsonNode node, String key, String where, String pointer) {
        String value = optionalText(node, key, where, true, pointer);
        if (value == null && (node.get(key) == null || node.get(key).isValueNode() || node.get(key).isNull())) {
            problem(pointer + "/" + key, "key '" + where + key + "' is missing or empty");
        }
        return value;
    }

    private String optionalText(JsonNode node, String key, String where, boolean trim) {
        return optionalText(node, key, where, trim, null);
    }

    private String optionalText(JsonNode node, String key, String where, boolean trim, String pointer) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            problem((pointer == null ? "" : pointer) + "/" + key, "key '" + where + key
                    + "' must be a single value, found " + describe(value));
            return null;
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
            problem("/" + key, "key '" + key + "' must be a whole number >= " + min + ", found " + describe(value));
            return null;
        }
        return value.asInt();
    }

    private boolean optionalBoolean(JsonNode node, String key, String where) {
        return optionalBoolean(node, key, where, "");
    }

    private boolean optionalBoolean(JsonNode node, String key, String where, String pointer) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problem(pointer + "/" + key, "key '" + where + key + "' must be true or false, found " + describe(value));
            return false;
        }
        return value.asBoolean();
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String key, Class<E> type, E fallback, String where) {
        return enumValue(node, key, type, fallback, where, "");
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String key, Class<E> type, E fallback, String where,
                                            String pointer) {
        String text = optionalText(node, key, where, true, pointer);
        if (text == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        List<String> known = lower(type.getEnumConstants());
        problem(pointer + "/" + key, "key '" + where + key + "': '" + text + "' is not one of " + known
                + Suggestions.didYouMean(text, known));
        return fallback;
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

    private void problem(String pointer, String text) {
        problems.add(origin + ":" + positions.line(pointer) + ": " + text);
    }

    private MappingException failure() {
        return new MappingException(origin, problems, inbox, filePattern);
    }
}
