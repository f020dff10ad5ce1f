package io.salesbi.connectors.draft;

import io.salesbi.connectors.draft.MappingDraft.MissingField;
import io.salesbi.connectors.draft.MappingDraft.ProposedField;
import io.salesbi.connectors.draft.MappingDraft.UnplacedColumn;
import java.util.Locale;

/**
 * Writes a {@link MappingDraft} in the layout of the bundled mapping files: top-level keys, then one flow mapping
 * per field; what the drafter is unsure of goes into comments, what the steward must add into TODO lines.
 */
final class MappingYamlWriter {

    private static final int MAX_EXAMPLE = 40;

    private MappingYamlWriter() {}

    /** The draft; {@code schema}, when given, is named in a first line for editors (yaml-language-server). */
    static String write(MappingDraft draft, String schema) {
        StringBuilder y = new StringBuilder();
        if (schema != null) {
            y.append("# yaml-language-server: $schema=").append(schema).append('\n');
        }
        y.append("# Drafted by 'salesbi mapping init': check every line, then delete the TODO and note comments.\n");
        draft.notes().forEach(n -> y.append("# note: ").append(oneLine(n)).append('\n'));
        y.append("name: ").append(draft.name()).append('\n');
        y.append("inbox: ").append(quote(draft.inbox())).append('\n');
        y.append("file-pattern: ").append(quote(draft.filePattern())).append('\n');
        y.append("target: ").append(draft.target()).append('\n');
        y.append("format: ")
                .append(draft.format().name().toLowerCase(Locale.ROOT))
                .append('\n');
        if (draft.sheet() != null) {
            y.append("sheet: ").append(quote(draft.sheet())).append('\n');
        }
        y.append("header-row: ").append(draft.headerRow()).append('\n');
        if (draft.encoding() != null) {
            y.append("encoding: ").append(draft.encoding().name()).append('\n');
        }
        if (draft.delimiter() != null) {
            y.append("delimiter: ")
                    .append(
                            draft.delimiter() == '\t'
                                    ? "tab"
                                    : quote(draft.delimiter().toString()))
                    .append('\n');
        }
        if (draft.locale() != null) {
            y.append("locale: ").append(draft.locale()).append('\n');
        }
        y.append("unknown-columns: warn\n");
        y.append("max-reject-ratio: 0.2\n");
        y.append("fields:\n");
        if (draft.fields().isEmpty()) {
            y.append("  # TODO no column could be placed on a field of ")
                    .append(draft.target())
                    .append("; add entries such as { column: \"...\", field: ..., type: string }\n");
        }
        for (ProposedField f : draft.fields()) {
            y.append("  - { column: ")
                    .append(quote(f.column()))
                    .append(", field: ")
                    .append(f.field())
                    .append(", type: ")
                    .append(f.type().name().toLowerCase(Locale.ROOT));
            if (f.format() != null) {
                y.append(", format: ").append(quote(f.format()));
            }
            if (f.required()) {
                y.append(", required: true");
            }
            y.append(" }");
            if (f.example() != null) {
                y.append("  # e.g. ").append(example(f.example()));
            }
            if (f.note() != null) {
                y.append(f.example() == null ? "  # " : "; ").append(oneLine(f.note()));
            }
            y.append('\n');
        }
        boolean hasDocument = draft.fields().stream().anyMatch(f -> f.field().equals("document_no"));
        for (MissingField m : draft.missing()) {
            if (m.field().equals("line_no") && hasDocument) {
                // exports without line numbers are common: number the lines of each document in file order
                y.append(
                        "  - { field: line_no, type: integer, expression: \"row_number() over (partition by document_no"
                                + " order by _row_number)\" }  # no line number column: lines numbered per document in file"
                                + " order\n");
                continue;
            }
            if (m.field().equals("currency")) {
                y.append("  # note: no currency column: the installation's home-currency applies (salesbi.yaml, default"
                        + " EUR); else add { field: currency, type: string, value: EUR }\n");
                continue;
            }
            if (m.field().equals("sales_channel")) {
                y.append("  # TODO required field sales_channel: no column found; add a constant such as { field:"
                        + " sales_channel, type: string, value: WEB_SHOP } or a column with a value map (map:)\n");
                continue;
            }
            y.append("  # TODO required field ")
                    .append(m.field())
                    .append(" (")
                    .append(lower(m.type()))
                    .append(") of ")
                    .append(draft.target())
                    .append(": no column found; add { column: \"...\", field: ")
                    .append(m.field())
                    .append(", type: ")
                    .append(lower(m.type()))
                    .append(", required: true }\n");
        }
        if (!draft.unplaced().isEmpty()) {
            y.append("# Columns placed on no field (reported as unknown columns at each load):\n");
            for (UnplacedColumn u : draft.unplaced()) {
                y.append("#   ").append(quote(oneLine(u.column()))).append(" (").append(lower(u.type()));
                if (u.example() != null) {
                    y.append(", e.g. ").append(example(u.example()));
                }
                y.append(")\n");
            }
        }
        return y.toString();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String example(String value) {
        String line = oneLine(value).strip();
        return line.length() > MAX_EXAMPLE ? line.substring(0, MAX_EXAMPLE) + "…" : line;
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    /** A YAML double-quoted scalar. */
    static String quote(String text) {
        StringBuilder q = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
