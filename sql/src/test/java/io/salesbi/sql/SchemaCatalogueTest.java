package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema the versioned migrations give a fresh warehouse, compared with the catalogue committed in
 * {@code src/test/resources/schema/catalogue.txt}: schemas, tables and views with every column (type, nullability,
 * default), constraints, indexes, sequences, macros, the SQL of every view, and the rows the migrations seed. The
 * committed catalogue was written from the 20 versioned migrations V1..V50 before they were squashed into
 * {@code V1__baseline.sql}, and the squash left it unchanged. Views of the repeatable migrations ({@code R__*.sql})
 * were part of that comparison and have been left out since, so that changing a view stays a change of its one file
 * (KpiDocsTest and KpiContractTest watch their columns). A new versioned migration regenerates the catalogue, and
 * the review reads in its diff what the migration changed:
 * {@code ./mvnw -B -q -pl sql -am test -Dtest=SchemaCatalogueTest -Dschemacatalogue.update=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SchemaCatalogueTest {

    /** Relative to the module directory, where Maven runs the tests. */
    private static final Path CATALOGUE = Path.of("src", "test", "resources", "schema", "catalogue.txt");

    /** Tables with up to this many seeded rows are listed row by row; larger ones by count and checksum. */
    private static final int LISTED_ROWS = 60;

    private static final Pattern REPEATABLE_VIEW =
            Pattern.compile("(?im)^\\s*create\\s+or\\s+replace\\s+view\\s+(\\w+\\.\\w+)");

    @TempDir
    Path dir;

    @Test
    void aFreshWarehouseHasTheCommittedCatalogue() throws Exception {
        Path file = dir.resolve("fresh.duckdb");
        TestWarehouse.migrate(file);
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            String catalogue = catalogue(conn);
            if (Boolean.getBoolean("schemacatalogue.update")) {
                Files.createDirectories(CATALOGUE.getParent());
                Files.writeString(CATALOGUE, catalogue, StandardCharsets.UTF_8);
            }

            String committed = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
            assertThat(catalogue)
                    .as(
                            "the migrated schema differs from %s; after a deliberate change regenerate it with "
                                    + "-Dtest=SchemaCatalogueTest -Dschemacatalogue.update=true",
                            CATALOGUE)
                    .isEqualTo(committed);
            // spot checks that the catalogue reads what it should (a broken query must not write an empty file)
            assertThat(catalogue)
                    .contains(
                            "column staging.erp_debtor.debtor_no #1 VARCHAR not null",
                            "column ops.file_load.rows_filtered #15 BIGINT null default 0",
                            "constraint ops.parameter PRIMARY KEY (name)",
                            "row ops.parameter {'name': cost_per_visit_eur, 'value': 450}",
                            "rows core.dim_calendar 14610",
                            "view core.sales_line sql_md5=")
                    .doesNotContain("view kpi.", "column kpi.", "view core.sales_fact ");
            assertThat(repeatableViews()).contains("core.sales_fact", "kpi.sales_cube");
        }
    }

    /** The catalogue of every object outside DuckDB's own and Flyway's history table, one line each, sorted. */
    static String catalogue(Connection conn) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.addAll(lines(conn, """
                select 'schema ' || schema_name from duckdb_schemas()
                where not internal and database_name = current_database()"""));
        lines.addAll(lines(conn, """
                select 'table ' || schema_name || '.' || table_name || ' columns=' || column_count
                    || ' primary_key=' || has_primary_key || ' temporary=' || temporary
                from duckdb_tables() where not internal and table_name <> 'flyway_schema_history'"""));
        lines.addAll(lines(conn, """
                select 'column ' || schema_name || '.' || table_name || '.' || column_name || ' #' || column_index
                    || ' ' || data_type || case when is_nullable then ' null' else ' not null' end
                    || coalesce(' default ' || column_default, '')
                from duckdb_columns() where not internal and table_name <> 'flyway_schema_history'"""));
        lines.addAll(lines(conn, """
                select 'constraint ' || schema_name || '.' || table_name || ' ' || constraint_type
                    || ' (' || array_to_string(constraint_column_names, ', ') || ')'
                    || coalesce(' ' || constraint_text, '')
                from duckdb_constraints() where table_name <> 'flyway_schema_history'"""));
        lines.addAll(lines(conn, """
                select 'index ' || schema_name || '.' || table_name || '.' || index_name
                    || ' unique=' || is_unique || ' primary=' || is_primary || ' ' || coalesce(sql, '')
                from duckdb_indexes() where table_name <> 'flyway_schema_history'"""));
        lines.addAll(lines(conn, """
                select 'sequence ' || schema_name || '.' || sequence_name || ' start=' || start_value
                    || ' increment=' || increment_by || ' min=' || min_value || ' max=' || max_value
                    || ' cycle=' || cycle
                from duckdb_sequences() where not temporary"""));
        lines.addAll(lines(conn, """
                select 'view ' || schema_name || '.' || view_name || ' sql_md5=' || md5(sql)
                from duckdb_views() where not internal"""));
        lines.addAll(lines(conn, """
                select distinct 'macro ' || schema_name || '.' || function_name || '('
                    || array_to_string(parameters, ', ') || ') = ' || macro_definition
                from duckdb_functions() where not internal and function_type in ('macro', 'table_macro')"""));
        for (String table : baseTables(conn)) {
            lines.addAll(rows(conn, table));
        }
        List<String> repeatable = repeatableViews();
        lines.removeIf(line -> repeatable.stream()
                .anyMatch(view -> line.startsWith("view " + view + " ") || line.startsWith("column " + view + ".")));
        lines.sort(null);
        return String.join("\n", lines) + "\n";
    }

    /** The views the repeatable migrations create ({@code create or replace view schema.name}). */
    static List<String> repeatableViews() {
        List<String> views = new ArrayList<>();
        for (String script : ClasspathScripts.list(KpiDocs.MIGRATIONS)) {
            if (script.substring(script.lastIndexOf('/') + 1).startsWith("R__")) {
                Matcher view = REPEATABLE_VIEW.matcher(ClasspathScripts.read(script));
                while (view.find()) {
                    views.add(view.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return views;
    }

    private static List<String> baseTables(Connection conn) throws SQLException {
        return lines(conn, """
                select schema_name || '.' || table_name from duckdb_tables()
                where not internal and table_name <> 'flyway_schema_history'""");
    }

    /** Seed rows: the count and a checksum of a table, and its rows when there are few. */
    private static List<String> rows(Connection conn, String table) throws SQLException {
        List<String> lines = new ArrayList<>();
        long count = Long.parseLong(lines(conn, "select count(*) from " + table).get(0));
        if (count == 0) {
            return lines;
        }
        lines.addAll(lines(
                conn,
                "select 'rows " + table + " ' || count(*) || ' md5=' || md5(string_agg(r, chr(10) "
                        + "order by r)) from (select cast(t as varchar) as r from " + table + " t)"));
        if (count <= LISTED_ROWS) {
            lines.addAll(lines(conn, "select 'row " + table + " ' || cast(t as varchar) from " + table + " t"));
        }
        return lines;
    }

    private static List<String> lines(Connection conn, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = conn.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                lines.add(result.getString(1));
            }
        }
        return lines;
    }
}
