package io.salesbi.connectors.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.salesbi.connectors.mapping.SourceMapping.FileFormat;
import io.salesbi.connectors.mapping.SourceMapping.UnknownColumns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * A mapping file as written: one key per component, in kebab-case ({@code filePattern} is {@code file-pattern}).
 * {@link MappingLoader} binds a file to it, Bean Validation checks each key, and {@link MappingFileParser} checks what
 * spans keys or needs the warehouse before turning it into a {@link SourceMapping}, whose Javadoc says what each key
 * means. {@code docs/schema/mapping.schema.json} describes the same keys for editors (a test keeps the two equal).
 * Texts are trimmed, and an empty text counts as absent, except a constant {@code value} and a {@code default}.
 *
 * @param name            unique name of the source, e.g. {@code erp_order_lines}
 * @param inbox           the inbox sub-folder the files arrive in
 * @param filePattern     glob for the file names this mapping takes
 * @param target          the raw table, {@code schema.table}
 * @param format          csv, xlsx or xls; absent: from the file extension
 * @param sheet           Excel: the sheet by name
 * @param sheetIndex      Excel: the sheet by 0-based index when no name is given
 * @param headerRow       1-based row of the header; absent: detected
 * @param encoding        CSV: a charset name, or {@code detect} (the default)
 * @param delimiter       CSV: one character, {@code tab}, or {@code detect} (the default)
 * @param locale          number and date locale as a language tag, e.g. {@code de-DE}
 * @param unknownColumns  ignore, warn (the default) or reject
 * @param maxRejectRatio  the share of rejected rows above which the whole file is rejected (default 0.2)
 * @param includeHiddenRows Excel: whether hidden rows are read (default false)
 * @param fields          the canonical fields and where each gets its value
 * @param inputs          columns read only for expressions and the row filter
 * @param dropRowsWhere   a DuckDB SQL condition; rows where it holds are dropped and counted as filtered
 */
public record MappingFile(
        @NotBlank(message = MISSING) @Pattern(regexp = NAME, message = MATCH)
        String name,

        @NotBlank(message = MISSING) String inbox,
        @NotBlank(message = MISSING) String filePattern,

        @NotBlank(message = MISSING) @Pattern(regexp = TARGET, message = MATCH)
        String target,

        FileFormat format,
        String sheet,
        @Min(value = 0, message = WHOLE_MIN) Integer sheetIndex,
        @Min(value = 1, message = WHOLE_MIN) Integer headerRow,
        String encoding,
        String delimiter,
        String locale,
        UnknownColumns unknownColumns,

        @DecimalMin(value = "0", message = RATIO) @DecimalMax(value = "1", message = RATIO)
        Double maxRejectRatio,

        Boolean includeHiddenRows,

        @NotEmpty(message = "must be a non-empty list of { column, field, type } entries")
        List<@NotNull(message = "must be a mapping such as { column, field, type }") @Valid Field> fields,

        List<@NotNull(message = "must be a mapping such as { column, name, type }") @Valid Input> inputs,
        String dropRowsWhere) {

    static final String NAME = "[a-z][a-z0-9_]*";
    static final String TARGET = "[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*";
    static final String MISSING = "is missing or empty";
    static final String MATCH = "must match {regexp}";
    static final String WHOLE_MIN = "must be a whole number >= {value}";
    static final String RATIO = "must be a number from 0 to 1 (0.2 = 20 %)";

    public MappingFile {
        name = trim(name);
        inbox = trim(inbox);
        filePattern = trim(filePattern);
        target = trim(target);
        sheet = trim(sheet);
        encoding = trim(encoding);
        locale = trim(locale);
        dropRowsWhere = trim(dropRowsWhere);
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        fields = fields == null ? List.of() : fields;
        inputs = inputs == null ? List.of() : inputs;
    }

    /**
     * One canonical field: from a {@code column} of the file, a constant {@code value}, or a DuckDB
     * {@code expression}; see {@link FieldMapping} for each key's meaning.
     *
     * @param otherwise quarantine (the default), keep, or {@code { value: X }} / a bare value: what a value the
     *                  {@code map} does not list becomes
     */
    public record Field(
            String column,
            List<String> aliases,

            @NotBlank(message = MISSING) @Pattern(regexp = NAME, message = MATCH)
            String field,

            @NotNull(message = "is missing (one of [string, integer, decimal, percent, date, timestamp, boolean])")
            FieldType type,

            String format,
            Boolean required,
            String value,
            @JsonProperty("default") String defaultValue,
            Map<String, String> map,
            JsonNode otherwise,
            String expression) {

        public Field {
            column = trim(column);
            field = trim(field);
            format = trim(format);
            expression = trim(expression);
            value = value == null || value.isEmpty() ? null : value;
            defaultValue = defaultValue == null || defaultValue.isEmpty() ? null : defaultValue;
            aliases = aliases == null ? List.of() : aliases;
        }
    }

    /**
     * A column read only for expressions and the row filter, under the {@code name} they use.
     *
     * @param type string unless given
     */
    public record Input(
            @NotBlank(message = MISSING) String column,
            List<String> aliases,

            @NotBlank(message = MISSING) @Pattern(regexp = NAME, message = MATCH)
            String name,

            FieldType type,
            String format,
            @JsonProperty("default") String defaultValue) {

        public Input {
            column = trim(column);
            name = trim(name);
            format = trim(format);
            defaultValue = defaultValue == null || defaultValue.isEmpty() ? null : defaultValue;
            aliases = aliases == null ? List.of() : aliases;
        }
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
