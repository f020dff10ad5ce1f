package io.salesbi.pipeline.privacy;

import io.salesbi.sql.PersonalColumn;
import io.salesbi.sql.PersonalColumn.Category;
import io.salesbi.sql.PersonalColumn.Mask;
import io.salesbi.sql.PersonalDataCatalogue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A warehouse relation with the personal columns the catalogue declares for it (only those the warehouse has), and
 * the SQL that finds a person in it: a row <em>is</em> the person's when one of its e-mail, phone or name columns is
 * the person's identifier; free text <em>mentions</em> the person; a behaviour column (a contact id) is
 * <em>linked</em> to the person when it holds an id of one of the person's rows.
 *
 * @param table   a base table (an erasure changes it) rather than a view (it follows its tables)
 * @param lineage the columns naming the file, sheet and row a row came from, as far as the relation has them
 */
record PersonalRelation(String schema, String name, boolean table, List<PersonalColumn> columns, List<String> lineage) {

    /** The catalogue's relations in the warehouse, in catalogue order. */
    static List<PersonalRelation> of(Connection conn, PersonalDataCatalogue catalogue) throws SQLException {
        Map<String, Set<String>> existing = new LinkedHashMap<>();
        Map<String, Boolean> isTable = new LinkedHashMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("""
                     select c.table_schema || '.' || c.table_name, lower(c.column_name), t.table_type = 'BASE TABLE'
                     from information_schema.columns c
                     join information_schema.tables t using (table_catalog, table_schema, table_name)
                     where c.table_catalog = current_database()""")) {
            while (rs.next()) {
                String rel = rs.getString(1).toLowerCase(Locale.ROOT);
                existing.computeIfAbsent(rel, r -> new java.util.HashSet<>()).add(rs.getString(2));
                isTable.put(rel, rs.getBoolean(3));
            }
        }
        Map<String, List<PersonalColumn>> byRelation = catalogue.personalColumns().stream()
                .filter(c -> existing.getOrDefault(c.relation(), Set.of()).contains(c.column()))
                .collect(Collectors.groupingBy(PersonalColumn::relation, LinkedHashMap::new, Collectors.toList()));
        List<PersonalRelation> relations = new ArrayList<>();
        byRelation.forEach((rel, cols) -> {
            Set<String> have = existing.get(rel);
            List<String> lineage = new ArrayList<>();
            for (List<String> candidate : List.of(
                    List.of("_source_file", "_sheet", "_row_number"), List.of("source_file", "sheet", "row_number"))) {
                if (have.containsAll(candidate)) {
                    lineage = candidate;
                    break;
                }
            }
            if (lineage.isEmpty() && have.contains("_load_id")) {
                lineage = have.contains("_row_number") ? List.of("_load_id", "_row_number") : List.of("_load_id");
            }
            String[] parts = rel.split("\\.", 2);
            relations.add(new PersonalRelation(
                    parts[0], parts[1], isTable.get(rel), List.copyOf(cols), List.copyOf(lineage)));
        });
        return relations;
    }

    /**
     * The schema of the installation's own records: the JDBC endpoint's audit trail (ops.audit, staff user names and
     * machines' addresses). Searched by the access report, never changed by an erasure: the trail of who logged in
     * and asked what is kept until retention purges it (docs/privacy.md).
     */
    static final String KEPT_SCHEMA = "ops";

    String qualified() {
        return schema + "." + name;
    }

    /** Whether an erasure leaves the relation as it is (an ops record; see {@link #KEPT_SCHEMA}). */
    boolean kept() {
        return schema.equals(KEPT_SCHEMA);
    }

    List<String> columns(Category category) {
        return columns.stream()
                .filter(c -> c.category() == category)
                .map(PersonalColumn::column)
                .toList();
    }

    List<String> masked(Mask mask) {
        return columns.stream()
                .filter(c -> c.mask() == mask)
                .map(PersonalColumn::column)
                .toList();
    }

    /** Every personal column but the behaviour ones, whose ids are replaced consistently instead. */
    List<String> identifying() {
        return columns.stream()
                .filter(c -> c.category() != Category.BEHAVIOUR)
                .map(PersonalColumn::column)
                .toList();
    }

    /** Whether a name is split over first_name and last_name: then the full name is compared too. */
    boolean splitName() {
        List<String> names = columns(Category.NAME);
        return names.contains("first_name") && names.contains("last_name");
    }

    /** The condition of a row that is the person's; null when the relation has no column to compare. */
    String rowCondition(Person p) {
        List<String> or = new ArrayList<>();
        if (p.email() != null) {
            masked(Mask.EMAIL).forEach(c -> or.add(Identifiers.emailSql(q(c)) + " = " + lit(p.email())));
        }
        if (p.phone() != null) {
            masked(Mask.PHONE).forEach(c -> or.add(Identifiers.phoneSql(q(c)) + " = " + lit(p.phone())));
        }
        if (p.name() != null) {
            for (String c : columns(Category.NAME)) {
                or.add(Identifiers.nameSql(q(c)) + " = " + lit(p.name()));
            }
            if (splitName()) {
                or.add(Identifiers.nameSql("concat_ws(' ', first_name, last_name)") + " = " + lit(p.name()));
            }
        }
        return or.isEmpty() ? null : "(" + String.join(" or ", or) + ")";
    }

    /** The condition of a row whose free-text column {@code column} mentions the person; null when it cannot. */
    static String mentionCondition(String column, Person p) {
        List<String> or = new ArrayList<>();
        if (p.email() != null) {
            or.add("contains(lower(" + q(column) + "), " + lit(p.email()) + ")");
        }
        if (p.name() != null) {
            or.add("contains(' ' || coalesce("
                    + Identifiers.nameSql("regexp_replace(" + q(column) + ", '[^\\p{L}\\p{N}]+', ' ', 'g')")
                    + ", '') || ' ', " + lit(" " + Person.words(p.name()) + " ")
                    + ")");
        }
        if (p.phone() != null && p.phone().length() >= Identifiers.MIN_PHONE_DIGITS_IN_TEXT) {
            or.add("contains(regexp_replace(" + q(column) + ", '[^0-9]', '', 'g'), " + lit(p.phone()) + ")");
        }
        return or.isEmpty() ? null : "(" + String.join(" or ", or) + ")";
    }

    static String q(String identifier) {
        return '"' + identifier + '"';
    }

    static String lit(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
