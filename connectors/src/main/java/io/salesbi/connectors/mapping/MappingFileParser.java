package io.salesbi.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesbi.connectors.mapping.FieldMapping.Otherwise;
import io.salesbi.connectors.mapping.MappingFile.Field;
import io.salesbi.connectors.mapping.MappingFile.Input;
import io.salesbi.connectors.yaml.BoundYaml;
import io.salesbi.connectors.yaml.Suggestions;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a bound and key-by-key validated {@link MappingFile} into a {@link SourceMapping}, checking what no single
 * key's constraint can: the target and fields against the warehouse, one source per field, date patterns, charsets,
 * fields and columns mapped twice. Each problem goes to the same {@link BoundYaml} as the binding's, at the line and
 * column of its key, so that whoever edits a mapping sees at once everything to fix ({@link MappingException}).
 */
final class MappingFileParser {

    static final double DEFAULT_MAX_REJECT_RATIO = 0.2;

    private final BoundYaml<MappingFile> file;
    private final TargetSchema schema;
    private List<String> targetColumns;

    MappingFileParser(BoundYaml<MappingFile> file, TargetSchema schema) {
        this.file = file;
        this.schema = schema;
    }

    SourceMapping parse() {
        MappingFile m = file.value();
        if (m == null) {
            throw failure(null);
        }
        if (m.filePattern() != null) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + m.filePattern());
            } catch (RuntimeException e) {
                file.problem(
                        "/file-pattern",
                        "key 'file-pattern': '" + m.filePattern() + "' is not a valid glob: " + e.getMessage());
            }
        }
        if (m.target() != null && m.target().matches(MappingFile.TARGET) && schema != null) {
            targetColumns = schema.columnsByTable().get(m.target());
            if (targetColumns == null) {
                file.problem(
                        "/target",
                        "key 'target': '" + m.target() + "' is not a raw table of the warehouse"
                                + Suggestions.didYouMean(
                                        m.target(), schema.columnsByTable().keySet()) + "; known: "
                                + schema.columnsByTable().keySet().stream()
                                        .sorted()
                                        .toList());
            }
        }
        Charset encoding = charset(m.encoding());
        Character delimiter = delimiter(m.delimiter());
        Locale locale = locale(m.locale());
        List<FieldMapping> fields = fields(m);
        if (file.hasProblems()) {
            throw failure(m);
        }
        return new SourceMapping(
                m.name(),
                m.inbox(),
                m.filePattern(),
                m.format(),
                m.target(),
                m.sheet(),
                m.sheetIndex() == null ? 0 : m.sheetIndex(),
                m.headerRow(),
                encoding,
                delimiter,
                locale,
                fields,
                m.unknownColumns() == null ? SourceMapping.UnknownColumns.WARN : m.unknownColumns(),
                m.maxRejectRatio() == null ? DEFAULT_MAX_REJECT_RATIO : m.maxRejectRatio(),
                Boolean.TRUE.equals(m.includeHiddenRows()),
                m.dropRowsWhere());
    }

    private List<FieldMapping> fields(MappingFile m) {
        List<FieldMapping> fields = new ArrayList<>();
        Set<String> fieldNames = new HashSet<>();
        Set<String> columns = new HashSet<>();
        for (int i = 0; i < m.fields().size(); i++) {
            FieldMapping f = m.fields().get(i) == null ? null : field(m.fields().get(i), "/fields/" + i);
            if (f != null) {
                register(f, "/fields/" + i, fieldNames, columns);
                fields.add(f);
            }
        }
        // an input may read a column a field reads too: a row filter on the delivered text of a column whose field
        // translates it through a value map
        Set<String> inputColumns = new HashSet<>();
        for (int i = 0; i < m.inputs().size(); i++) {
            FieldMapping f = m.inputs().get(i) == null ? null : input(m.inputs().get(i), "/inputs/" + i);
            if (f != null) {
                register(f, "/inputs/" + i, fieldNames, inputColumns);
                fields.add(f);
            }
        }
        return List.copyOf(fields);
    }

    private void register(FieldMapping f, String pointer, Set<String> fieldNames, Set<String> columns) {
        if (f.field() != null && !fieldNames.add(f.field())) {
            file.problem(pointer, "field '" + f.field() + "' is mapped twice");
        }
        if (f.column() != null) {
            List<String> headers = new ArrayList<>(f.aliases());
            headers.add(0, f.column());
            for (String header : headers) {
                if (!columns.add(HeaderNames.normalize(header))) {
                    file.problem(pointer + "/column", "column '" + header + "' is mapped twice");
                }
            }
        }
    }

    private FieldMapping field(Field entry, String pointer) {
        String where = BoundYaml.keyPath(pointer);
        int sources = (entry.column() != null ? 1 : 0)
                + (entry.value() != null ? 1 : 0)
                + (entry.expression() != null ? 1 : 0);
        if (sources != 1) {
            file.problem(
                    pointer,
                    "key '" + where + "' needs exactly one of 'column' (read from the file), 'value'"
                            + " (a constant) or 'expression' (computed), found " + sources);
        }
        if (entry.field() != null && targetColumns != null && !targetColumns.contains(entry.field())) {
            file.problem(
                    pointer + "/field",
                    "key '" + where + ".field': '" + entry.field()
                            + "' is not a field of the target" + Suggestions.didYouMean(entry.field(), targetColumns)
                            + "; its fields: " + targetColumns);
        }
        checkDatePattern(entry.format(), entry.type(), pointer);
        Map<String, String> valueMap = valueMap(entry.map(), pointer);
        if (entry.column() == null
                && (entry.defaultValue() != null
                        || !valueMap.isEmpty()
                        || !entry.aliases().isEmpty())) {
            file.problem(
                    pointer,
                    "keys 'default', 'map' and 'aliases' of '" + where + "' apply to a value read from a 'column'");
        }
        if (entry.otherwise() != null && !entry.otherwise().isNull() && valueMap.isEmpty()) {
            file.problem(pointer + "/otherwise", "key '" + where + ".otherwise' needs a 'map' beside it");
        }
        return new FieldMapping(
                entry.column(),
                List.copyOf(entry.aliases()),
                entry.field(),
                entry.type(),
                entry.format(),
                Boolean.TRUE.equals(entry.required()),
                entry.value(),
                entry.defaultValue(),
                valueMap,
                otherwise(entry.otherwise(), pointer),
                entry.expression(),
                false);
    }

    private FieldMapping input(Input entry, String pointer) {
        FieldType type = entry.type() == null ? FieldType.STRING : entry.type();
        checkDatePattern(entry.format(), type, pointer);
        return new FieldMapping(
                entry.column(),
                List.copyOf(entry.aliases()),
                entry.name(),
                type,
                entry.format(),
                false,
                null,
                entry.defaultValue(),
                Map.of(),
                Otherwise.QUARANTINE_RULE,
                null,
                true);
    }

    private Map<String, String> valueMap(Map<String, String> entries, String pointer) {
        if (entries == null) {
            return Map.of();
        }
        if (entries.isEmpty()) {
            file.problem(
                    pointer + "/map",
                    "key '" + BoundYaml.keyPath(pointer) + ".map' must be a mapping of "
                            + "delivered value to canonical value such as { \"Consumer\": FIELD_SALES }, found nothing");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = mapKey(e.getKey());
            if (map.containsKey(key)) {
                file.problem(
                        pointer + "/map/" + e.getKey(),
                        "key '" + BoundYaml.keyPath(pointer) + ".map' lists '" + e.getKey()
                                + "' twice (values are compared case- and whitespace-insensitively)");
            }
            map.put(key, e.getValue());
        }
        return map;
    }

    /** The form in which a value map compares delivered values: trimmed, inner spaces collapsed, lower case. */
    static String mapKey(String value) {
        return HeaderNames.normalize(value).toLowerCase(Locale.ROOT);
    }

    private Otherwise otherwise(JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            return Otherwise.QUARANTINE_RULE;
        }
        if (node.isObject()
                && node.size() == 1
                && node.has("value")
                && node.get("value").isValueNode()) {
            return new Otherwise(Otherwise.Action.FIXED, node.get("value").asText());
        }
        if (!node.isValueNode()) {
            file.problem(
                    pointer + "/otherwise",
                    "key '" + BoundYaml.keyPath(pointer) + ".otherwise' must be "
                            + "quarantine, keep or { value: X }, found " + node);
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

    private void checkDatePattern(String format, FieldType type, String pointer) {
        if (format == null || type == null) {
            return;
        }
        String key = BoundYaml.keyPath(pointer) + ".format";
        if (type != FieldType.DATE && type != FieldType.TIMESTAMP) {
            file.problem(
                    pointer + "/format",
                    "key '" + key + "' is only allowed for date and timestamp fields," + " this one is "
                            + type.name().toLowerCase(Locale.ROOT));
            return;
        }
        try {
            var unused = DateTimeFormatter.ofPattern(format); // parsed only to check the pattern
        } catch (IllegalArgumentException e) {
            file.problem(
                    pointer + "/format",
                    "key '" + key + "': '" + format + "' is not a valid date pattern: " + e.getMessage());
        }
    }

    private Charset charset(String name) {
        if (name == null || name.equalsIgnoreCase("detect")) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            file.problem(
                    "/encoding",
                    "key 'encoding': '" + name + "' is not a known charset (e.g. UTF-8, "
                            + "windows-1252, IBM850, detect)"
                            + Suggestions.didYouMean(
                                    name, Charset.availableCharsets().keySet()));
            return null;
        }
    }

    private Character delimiter(String text) {
        if (text == null || text.equalsIgnoreCase("detect")) {
            return null;
        }
        if (text.equalsIgnoreCase("tab") || text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
            file.problem(
                    "/delimiter", "key 'delimiter': '" + text + "' must be a single character such as ; , | or tab");
            return null;
        }
        return text.charAt(0);
    }

    private Locale locale(String tag) {
        if (tag == null) {
            return Locale.ROOT;
        }
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) {
            file.problem("/locale", "key 'locale': '" + tag + "' is not a language tag such as de-DE or en-US");
            return Locale.ROOT;
        }
        return locale;
    }

    private MappingException failure(MappingFile m) {
        return new MappingException(
                file.origin(), file.problems(), m == null ? null : m.inbox(), m == null ? null : m.filePattern());
    }
}
