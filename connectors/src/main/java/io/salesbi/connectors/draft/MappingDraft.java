package io.salesbi.connectors.draft;

import io.salesbi.connectors.mapping.FieldType;
import io.salesbi.connectors.mapping.SourceMapping.FileFormat;
import java.nio.charset.Charset;
import java.util.List;

/**
 * A proposed mapping for one file, with what the drafter could not decide; {@link #toYaml()} writes it as a mapping
 * file with comments and TODO lines.
 *
 * @param name        the mapping's name
 * @param inbox       the inbox sub-folder
 * @param filePattern glob for the file names, from the sampled file's name
 * @param target      the raw table
 * @param format      the file format found
 * @param sheet       the sheet sampled; null for CSV
 * @param headerRow   1-based row (Excel) or line (CSV) of the header
 * @param encoding    CSV: the encoding found; null otherwise
 * @param delimiter   CSV: the delimiter found; null otherwise
 * @param locale      de-DE for decimal commas, en-US for decimal points, null when no number shows it
 * @param fields      the columns placed on canonical fields, in column order
 * @param unplaced    the columns placed on no field
 * @param missing     required fields of the target no column was placed on
 * @param notes       what the steward should check (ambiguous date orders, mixed decimal styles, warnings)
 */
public record MappingDraft(
        String name,
        String inbox,
        String filePattern,
        String target,
        FileFormat format,
        String sheet,
        long headerRow,
        Charset encoding,
        Character delimiter,
        String locale,
        List<ProposedField> fields,
        List<UnplacedColumn> unplaced,
        List<MissingField> missing,
        List<String> notes) {

    /**
     * One column placed on a canonical field.
     *
     * @param note what to check about it, null when nothing
     */
    public record ProposedField(
            String column,
            String field,
            FieldType type,
            String format,
            boolean required,
            String example,
            String note) {}

    /** A column no field was proposed for, with the type its values suggest. */
    public record UnplacedColumn(String column, FieldType type, String example) {}

    /** A required field of the target that no column was placed on. */
    public record MissingField(String field, FieldType type) {}

    /** The draft as a mapping file that {@code MappingLoader} parses. */
    public String toYaml() {
        return toYaml(null);
    }

    /**
     * The draft as a mapping file whose first line names its JSON Schema for editors
     * ({@code # yaml-language-server: $schema=../schema/mapping.schema.json}); null: no such line.
     */
    public String toYaml(String schema) {
        return MappingYamlWriter.write(this, schema);
    }
}
