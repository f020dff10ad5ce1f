package io.salesbi.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The catalogue of personal data: every warehouse column holding personal data, declared once in
 * {@value #WAREHOUSE_CATALOGUE} with its category and mask, plus the columns whose names look personal but that were
 * reviewed as not personal (category {@code none}). The JDBC endpoint masks the personal ones for users without the
 * {@code personal_data} right; {@code docs/personal-data.md} is generated from it ({@link PersonalDataDocs}).
 *
 * <p>File format: CSV with the header {@value #HEADER}, {@code #} comment lines; the last field ({@code why}) may
 * contain commas. {@code clear_for} lists the roles, separated by {@code |}, that read the column in clear besides
 * {@code personal_data} (usually empty). A file with the earlier header {@value #HEADER_WITHOUT_CLEAR_FOR} is read
 * with {@code clear_for} empty on every line.
 */
public final class PersonalDataCatalogue {

    public static final String WAREHOUSE_CATALOGUE = "privacy/personal-data.csv";
    static final String HEADER = "relation,column,category,mask,clear_for,why";
    static final String HEADER_WITHOUT_CLEAR_FOR = "relation,column,category,mask,why";
    private static final Pattern ROLES = Pattern.compile("|[a-z_]+(\\|[a-z_]+)*");

    /**
     * Column names that look personal (tokens between underscores): a column like that in the warehouse must be
     * declared, as personal or as reviewed. Counts such as {@code contacts} do not match.
     */
    public static final Pattern LOOKS_PERSONAL = Pattern.compile(
            "(^|_)(first_name|last_name|name\\d*|e?mail|phone|mobile|fax|remark|comment|contact|street|owner|manager"
                    + "|person|respondent)(_|$)");

    private final Map<String, PersonalColumn> byColumn;

    private PersonalDataCatalogue(Map<String, PersonalColumn> byColumn) {
        this.byColumn = Collections.unmodifiableMap(new TreeMap<>(byColumn));
    }

    /** The catalogue of the migrated warehouse, from the classpath. */
    public static PersonalDataCatalogue warehouse() {
        return parse(WAREHOUSE_CATALOGUE, ClasspathScripts.read(WAREHOUSE_CATALOGUE));
    }

    /** A catalogue that declares nothing: every column is served as it is. */
    public static PersonalDataCatalogue empty() {
        return new PersonalDataCatalogue(Map.of());
    }

    /** A catalogue from a file's text; {@code source} names the file in errors. */
    public static PersonalDataCatalogue parse(String source, String text) {
        Map<String, PersonalColumn> columns = new TreeMap<>();
        String header = null;
        int lineNumber = 0;
        for (String line : text.lines().toList()) {
            lineNumber++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (header == null) {
                if (!stripped.equals(HEADER) && !stripped.equals(HEADER_WITHOUT_CLEAR_FOR)) {
                    throw new IllegalArgumentException(source + " line " + lineNumber + ": expected the header '"
                            + HEADER + "' but found '" + stripped + "'");
                }
                header = stripped;
                continue;
            }
            PersonalColumn column = column(source + " line " + lineNumber, header, stripped);
            PersonalColumn earlier = columns.put(column.qualifiedName(), column);
            if (earlier != null) {
                throw new IllegalArgumentException(
                        source + " line " + lineNumber + ": " + column.qualifiedName() + " is declared twice");
            }
        }
        return new PersonalDataCatalogue(columns);
    }

    private static PersonalColumn column(String where, String header, String line) {
        boolean withClearFor = header.equals(HEADER);
        String[] read = line.split(",", withClearFor ? 6 : 5);
        String[] fields = withClearFor || read.length != 5
                ? read
                : new String[] {read[0], read[1], read[2], read[3], "", read[4]};
        if (fields.length != 6
                || fields[0].split("\\.").length != 2
                || fields[1].isBlank()
                || !ROLES.matcher(fields[4].strip()).matches()) {
            throw new IllegalArgumentException(where + ": expected '" + header + "' with relation as schema.relation"
                    + (withClearFor ? " and clear_for empty or roles separated by '|'" : "") + " but found '" + line
                    + "'");
        }
        try {
            PersonalColumn.Category category =
                    PersonalColumn.Category.valueOf(fields[2].strip().toUpperCase(Locale.ROOT));
            String mask = fields[3].strip();
            return new PersonalColumn(
                    fields[0].strip(),
                    fields[1].strip(),
                    category,
                    mask.isEmpty() ? null : PersonalColumn.Mask.valueOf(mask.toUpperCase(Locale.ROOT)),
                    fields[4].isBlank() ? Set.of() : Set.of(fields[4].strip().split("\\|")),
                    fields[5].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + ": " + e.getMessage() + " in '" + line + "'; categories "
                            + List.of("name", "contact", "free_text", "behaviour", "none") + ", masks "
                            + List.of("initial", "email", "phone", "redact"),
                    e);
        }
    }

    /** The declaration of {@code schema.relation.column}, matched case-insensitively. */
    public Optional<PersonalColumn> of(String schema, String relation, String column) {
        return Optional.ofNullable(byColumn.get((schema + "." + relation + "." + column).toLowerCase(Locale.ROOT)));
    }

    /** The personal column of {@code schema.relation.column}, if it is declared personal. */
    public Optional<PersonalColumn> personal(String schema, String relation, String column) {
        return of(schema, relation, column).filter(PersonalColumn::personal);
    }

    /** Every declaration, sorted by qualified column name. */
    public List<PersonalColumn> declared() {
        return List.copyOf(byColumn.values());
    }

    /** The columns that hold personal data, sorted by qualified column name. */
    public List<PersonalColumn> personalColumns() {
        List<PersonalColumn> personal = new ArrayList<>();
        byColumn.values().stream().filter(PersonalColumn::personal).forEach(personal::add);
        return personal;
    }

    /** Whether a column name looks like it holds personal data ({@link #LOOKS_PERSONAL}). */
    public static boolean looksPersonal(String column) {
        return LOOKS_PERSONAL.matcher(column.toLowerCase(Locale.ROOT)).find();
    }
}
