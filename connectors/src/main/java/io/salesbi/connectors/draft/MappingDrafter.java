package io.salesbi.connectors.draft;

import io.salesbi.connectors.draft.MappingDraft.MissingField;
import io.salesbi.connectors.draft.MappingDraft.ProposedField;
import io.salesbi.connectors.draft.MappingDraft.UnplacedColumn;
import io.salesbi.connectors.draft.ValueShapes.Decimal;
import io.salesbi.connectors.mapping.FieldMapping;
import io.salesbi.connectors.mapping.FieldType;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.connectors.read.FileSample;
import io.salesbi.connectors.read.FileSampler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Drafts a mapping from a delivered file: samples its first rows with the readers' own sniffing and parsers, finds
 * the header below any title rows, profiles each column's values, places columns on the target's canonical fields by
 * name, and chooses type, date format and locale so that the draft reads the sampled rows.
 */
public final class MappingDrafter {

    /** Rows sampled: enough for title rows, a header and a spread of values, few enough to stay fast. */
    static final int SAMPLE_ROWS = 500;
    /** Rows searched for the header, as the readers do. */
    static final int HEADER_SCAN_ROWS = 30;

    private final FileSampler sampler = new FileSampler();

    /**
     * Drafts the mapping of {@code file} onto {@code target}.
     *
     * @param sheet    spreadsheets: the sheet name, null for the first sheet
     * @param name     the mapping's name; null to derive it from the file name
     * @param known    mappings whose column names (for the same target) are taken as further names of the fields
     */
    public MappingDraft draft(Path file, String sheet, TargetTable target, String name, List<SourceMapping> known)
            throws FileRejectedException {
        FileSample sample = sampler.sample(file, sheet, SAMPLE_ROWS);
        if (sample.rows().isEmpty()) {
            throw new FileRejectedException(
                    "empty", "File " + sample.fileName() + " has no rows to draft a mapping from");
        }
        int headerIndex = HeaderRowFinder.find(sample.rows(), HEADER_SCAN_ROWS);
        FileSample.Row header = sample.rows().get(headerIndex);
        List<FileSample.Row> data =
                sample.rows().subList(headerIndex + 1, sample.rows().size());
        List<String> notes = new ArrayList<>();
        notes.add("sampled " + sample.rows().size() + " rows of " + sample.fileName()
                + (sample.sheet() == null ? "" : ", sheet '" + sample.sheet() + "'")
                + "; the header is on " + (sample.sheet() == null ? "line " : "row ") + header.number());
        sample.warnings().forEach(notes::add);
        List<ColumnProfile> named = new ArrayList<>();
        List<UnplacedColumn> unplaced = new ArrayList<>();
        profile(header, data, named, unplaced, notes);

        List<FieldMatcher.Placement> placements = FieldMatcher.place(named, target, namesFromMappings(known, target));
        String locale = locale(named, notes);
        List<ProposedField> fields = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        for (FieldMatcher.Placement p : placements) {
            placed.add(p.column().index());
            fields.add(proposal(p, target.required().contains(p.field().name())));
        }
        for (ColumnProfile column : named) {
            if (!placed.contains(column.index())) {
                unplaced.add(new UnplacedColumn(column.header(), column.valueType(), column.example()));
            }
        }
        List<MissingField> missing = new ArrayList<>();
        Set<String> placedFields = new HashSet<>();
        fields.forEach(f -> placedFields.add(f.field()));
        for (TargetTable.Column column : target.columns()) {
            if (target.required().contains(column.name()) && !placedFields.contains(column.name())) {
                missing.add(new MissingField(column.name(), column.type()));
            }
        }
        return new MappingDraft(
                name != null ? name : DraftNames.mappingName(file),
                inbox(target),
                DraftNames.filePattern(file),
                target.name(),
                sample.format(),
                sample.sheet(),
                header.number(),
                sample.charset(),
                sample.delimiter(),
                locale,
                List.copyOf(fields),
                List.copyOf(unplaced),
                List.copyOf(missing),
                List.copyOf(notes));
    }

    private static void profile(
            FileSample.Row header,
            List<FileSample.Row> data,
            List<ColumnProfile> named,
            List<UnplacedColumn> unplaced,
            List<String> notes) {
        int width = header.cells().size();
        for (FileSample.Row row : data) {
            width = Math.max(width, row.cells().size());
        }
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < width; c++) {
            String text = header.cell(c).text().strip();
            ColumnProfile column = new ColumnProfile(c, text);
            for (FileSample.Row row : data) {
                column.add(row.cell(c));
            }
            if (text.isEmpty()) {
                if (!column.isEmpty()) {
                    notes.add("column " + (c + 1) + " has values (e.g. " + column.example()
                            + ") but no header text, so a mapping cannot name it");
                }
            } else if (!seen.add(FieldVocabulary.key(text) + "|" + text.toLowerCase(Locale.ROOT))) {
                unplaced.add(new UnplacedColumn(
                        text + " (repeated header, column " + (c + 1) + ")", column.valueType(), column.example()));
            } else {
                named.add(column);
            }
        }
    }

    private static ProposedField proposal(FieldMatcher.Placement p, boolean required) {
        ColumnProfile column = p.column();
        FieldType type = p.field().type();
        String format = null;
        String note = null;
        boolean date = type == FieldType.DATE || type == FieldType.TIMESTAMP;
        boolean number = type == FieldType.DECIMAL || type == FieldType.INTEGER;
        if (date && column.isTextDate()) {
            List<String> formats = column.dateFormats();
            if (formats.isEmpty()) {
                note = "TODO no date pattern fits the values; add format:";
            } else {
                format = formats.get(0);
                note = alternativeOrder(formats);
            }
        } else if (type == FieldType.DECIMAL && column.valueType() == FieldType.PERCENT) {
            type = FieldType.PERCENT;
            note = "values carry a % sign and are read as fractions (23 % = 0.23)";
        } else if (type == FieldType.INTEGER && column.valueType() == FieldType.DECIMAL) {
            note = "TODO the values have decimals, the field takes whole numbers";
        }
        List<String> outliers = date ? column.dateOutliers() : number ? column.numberOutliers() : List.of();
        if (!outliers.isEmpty()) {
            note = join(
                    note,
                    outliers.size() + " sampled value(s) are no " + (date ? "date" : "number") + " (e.g. '"
                            + outliers.get(0) + "'): their rows will be quarantined unless a filter drops them");
        }
        if (p.score() < 1) {
            note = join(note, "placed by a similar name; check");
        }
        return new ProposedField(column.header(), p.field().name(), type, format, required, column.example(), note);
    }

    private static String join(String note, String more) {
        return note == null ? more : note + "; " + more;
    }

    /** A note when the values also fit a pattern with day and month the other way round. */
    private static String alternativeOrder(List<String> formats) {
        String first = shape(formats.get(0));
        for (String other : formats.subList(1, formats.size())) {
            if (!shape(other).equals(first)) {
                return "the values also fit " + other + "; check day and month order";
            }
        }
        return null;
    }

    /** A pattern without the widths: dd.MM.yyyy and d.M.yyyy have the same shape. */
    private static String shape(String pattern) {
        return pattern.replace("dd", "d").replace("MM", "M").replace("HH", "H");
    }

    /** de-DE when numbers show a decimal comma, en-US when they show a point; null when none shows either. */
    private static String locale(List<ColumnProfile> columns, List<String> notes) {
        int comma = 0;
        int point = 0;
        for (ColumnProfile column : columns) {
            Decimal decimal = column.fitsNumber() ? column.decimal() : null;
            if (decimal == Decimal.COMMA) {
                comma++;
            } else if (decimal == Decimal.POINT) {
                point++;
            }
        }
        if (comma > 0 && point > 0) {
            notes.add(comma + " column(s) write decimals with a comma, " + point + " with a point; the locale follows "
                    + "the majority, check the others");
        }
        if (comma == 0 && point == 0) {
            return null;
        }
        return comma > point ? "de-DE" : "en-US";
    }

    private static String inbox(TargetTable target) {
        if (target.inbox() != null) {
            return target.inbox();
        }
        String table = target.name().substring(target.name().indexOf('.') + 1);
        return table.startsWith("crm_") ? "crm" : table.startsWith("erp_") ? "erp" : "excel";
    }

    /** Column names and aliases that mappings for the same target give each field. */
    private static Map<String, List<String>> namesFromMappings(List<SourceMapping> mappings, TargetTable target) {
        Map<String, List<String>> names = new HashMap<>();
        for (SourceMapping mapping : mappings) {
            if (!mapping.target().equals(target.name())) {
                continue;
            }
            for (FieldMapping field : mapping.fields()) {
                List<String> list = names.computeIfAbsent(field.field(), f -> new ArrayList<>());
                list.add(field.column());
                list.addAll(field.aliases());
            }
        }
        return names;
    }
}
