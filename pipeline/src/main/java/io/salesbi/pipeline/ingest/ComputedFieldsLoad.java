package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.mapping.FieldMapping;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.connectors.read.RowRejection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads a file whose mapping has DuckDB work to do: a row filter ({@code drop-rows-where}), computed fields
 * ({@code expression}) or inputs read only for those. The reader fills a landing table inside the file's
 * transaction (rows with bad cells included, flagged, so that a total row the filter drops is counted as filtered,
 * not quarantined); then DuckDB drops the filtered rows, computes the fields, quarantines rows whose required
 * computed field came out empty, and inserts the rest into the raw table. Expressions are DuckDB SQL over the
 * row's fields and inputs by name, so a steward writes {@code line_total / quantity}, not a home-made language.
 */
final class ComputedFieldsLoad {

    /** The landing table's flag for a row that has at least one rejected cell. */
    static final String REJECTED_COLUMN = "_rejected";

    private static final String LINEAGE = "_load_id, _source_file, _file_hash, _sheet, _row_number";

    private final Connection conn;
    private final SourceMapping mapping;
    private final String fileName;
    private final String landing;
    private final String kept;
    private final String computed;

    ComputedFieldsLoad(Connection conn, SourceMapping mapping, long loadId, String fileName) {
        this.conn = conn;
        this.mapping = mapping;
        this.fileName = fileName;
        this.landing = "main._landing_" + loadId;
        this.kept = "main._kept_" + loadId;
        this.computed = "main._computed_" + loadId;
    }

    /** The landing table, created for this file inside its transaction. */
    String createLanding() throws SQLException {
        StringBuilder ddl = new StringBuilder("create table ")
                .append(landing)
                .append(" (_load_id bigint, "
                        + "_source_file varchar, _file_hash varchar, _sheet varchar, _row_number bigint");
        for (FieldMapping f : mapping.fields()) {
            ddl.append(", ").append(quote(f.field())).append(' ').append(sqlType(f));
        }
        ddl.append(", ").append(REJECTED_COLUMN).append(" boolean)");
        execute(ddl.toString());
        return landing;
    }

    /**
     * Filters, computes and inserts into the raw table; returns what became of the rows. {@code parseRejections}
     * are the reader's; those of filtered rows are dropped with their row.
     */
    Outcome finish(List<RowRejection> parseRejections, long rowsDelivered) throws SQLException, FileRejectedException {
        String drop = mapping.dropRowsWhere();
        // the condition is evaluated as a column, not in a where clause, so that it may use window functions: an
        // order's status that the export gives on the order's first line only, filled down to its other lines
        sql(
                "drop-rows-where '" + drop + "'",
                "create table " + kept + " as "
                        + (drop == null
                                ? "select * from " + landing
                                : "select * exclude (_dropped) from (select *, coalesce((" + drop
                                        + "), false) as _dropped from " + landing + ") where not _dropped"));
        Set<String> dropped = new HashSet<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select _sheet, _row_number from " + landing
                        + " except select _sheet, _row_number from " + kept)) {
            while (rs.next()) {
                dropped.add(rowKey(rs.getString(1), rs.getLong(2)));
            }
        }
        computeFields();
        List<RowRejection> rejections = new ArrayList<>();
        for (RowRejection r : parseRejections) {
            if (!dropped.contains(rowKey(r.sheet(), r.row()))) {
                rejections.add(r);
            }
        }
        rejections.addAll(emptyComputedFields());
        String fields =
                mapping.targetFields().stream().map(f -> quote(f.field())).collect(Collectors.joining(", "));
        long loaded;
        try (Statement st = conn.createStatement()) {
            loaded = st.executeUpdate("insert into " + mapping.target() + " (" + LINEAGE + ", " + fields + ") select "
                    + LINEAGE + ", " + fields + " from " + computed + " where not " + REJECTED_COLUMN
                    + requiredComputedPresent());
        }
        for (String table : List.of(computed, kept, landing)) {
            execute("drop table if exists " + table);
        }
        long rejectedRows = rejections.stream()
                .map(r -> rowKey(r.sheet(), r.row()))
                .distinct()
                .count();
        long considered = rowsDelivered - dropped.size();
        double ratio = considered == 0 ? 0 : (double) rejectedRows / considered;
        if (ratio > mapping.maxRejectRatio()) {
            throw new FileRejectedException(
                    "reject_ratio",
                    String.format(
                            Locale.ROOT,
                            "File %s: %d of %d rows (%.1f %%) were rejected, more than the %.1f %% allowed by mapping %s"
                                    + " (%d total or filtered rows not counted)",
                            fileName,
                            rejectedRows,
                            considered,
                            ratio * 100,
                            mapping.maxRejectRatio() * 100,
                            mapping.name(),
                            dropped.size()));
        }
        return new Outcome(loaded, rejectedRows, dropped.size(), rejections);
    }

    private void computeFields() throws SQLException, FileRejectedException {
        List<FieldMapping> computedFields =
                mapping.fields().stream().filter(FieldMapping::computed).toList();
        if (computedFields.isEmpty()) {
            execute("create table " + computed + " as select * from " + kept);
            return;
        }
        String replace = computedFields.stream()
                .map(f -> "cast((" + f.expression() + ") as " + sqlType(f) + ") as " + quote(f.field()))
                .collect(Collectors.joining(", "));
        sql(
                "the expressions of "
                        + computedFields.stream().map(FieldMapping::field).toList(),
                "create table " + computed + " as select * replace (" + replace + ") from " + kept);
    }

    /** A rejection per row whose required computed field is empty (its inputs were empty, or a division by 0). */
    private List<RowRejection> emptyComputedFields() throws SQLException {
        List<RowRejection> rejections = new ArrayList<>();
        for (FieldMapping f : mapping.fields()) {
            if (!f.computed() || !f.required()) {
                continue;
            }
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("select _sheet, _row_number from " + computed + " where "
                            + quote(f.field()) + " is null and not " + REJECTED_COLUMN + " order by _row_number")) {
                while (rs.next()) {
                    rejections.add(
                            new RowRejection(
                                    fileName,
                                    rs.getString(1),
                                    rs.getLong(2),
                                    f.field(),
                                    null,
                                    "expression.empty",
                                    "field " + f.field() + " = " + f.expression()
                                            + " is empty for this row; expected a value (are the columns it uses empty or 0?)"));
                }
            }
        }
        return rejections;
    }

    private String requiredComputedPresent() {
        return mapping.fields().stream()
                .filter(f -> f.computed() && f.required())
                .map(f -> " and " + quote(f.field()) + " is not null")
                .collect(Collectors.joining());
    }

    /** Runs a statement built from the mapping; a DuckDB error names the mapping and what it was evaluating. */
    private void sql(String what, String statement) throws SQLException, FileRejectedException {
        try {
            execute(statement);
        } catch (SQLException e) {
            throw new FileRejectedException(
                    "mapping_expression",
                    "File " + fileName + ": mapping " + mapping.name() + " cannot evaluate " + what + ": "
                            + firstLine(e.getMessage()));
        }
    }

    private void execute(String statement) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(statement);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String rowKey(String sheet, long row) {
        return (sheet == null ? "" : sheet) + '\u0000' + row;
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** The DuckDB type a field's values have in the landing table. */
    static String sqlType(FieldMapping f) {
        return switch (f.type()) {
            case STRING -> "varchar";
            case INTEGER -> "bigint";
            case DECIMAL, PERCENT -> "decimal(18, 6)";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case BOOLEAN -> "boolean";
        };
    }

    /** What became of a file's rows: delivered = loaded + rejected + filtered. */
    record Outcome(long loaded, long rejectedRows, long filtered, List<RowRejection> rejections) {}
}
