package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.RowRejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the typed rows of one file to its raw table, with lineage; keeps the file's row rejections for quarantine.
 * Used inside the file's transaction, so nothing is visible until commit.
 *
 * <p>The rows go over as a canonical CSV file (every value already typed and checked by the reader: ISO dates,
 * plain decimals at the column's scale, text always quoted so that an empty text stays empty and only a missing value
 * is NULL) that one {@code insert … select … from read_csv(…)} with the table's column types reads when the file is
 * complete ({@link #complete()}), DuckDB's parallel bulk path. Appending row by row through DuckDB's Appender cost
 * about 3 µs a row with 16 columns (issue #22: the night's ingest 1.8× DuckDB's read_csv of the same files); writing
 * the hand-over file and reading it back costs a third of that. The file lies in DuckDB's temporary directory
 * (beside the warehouse) and is deleted when the sink closes, loaded or not.
 */
final class RawTableSink implements PipelinedSink.Completing {

    private static final Logger log = LoggerFactory.getLogger(RawTableSink.class);
    private static final int LINEAGE_COLUMNS = 5;
    private static final String ROW_COLUMNS = "_sheet, _row_number";

    private final Connection conn;
    private final String table;
    private final List<Column> columns;
    private final long loadId;
    private final String sourceFile;
    private final String fileHash;
    private final Path handOver;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);
    private final List<RowRejection> rejections = new ArrayList<>();
    private long rowsAppended;
    private LoadProgress progress;
    private long lastRejectedRow = -1;
    private String lastRejectedSheet;

    RawTableSink(Connection conn, SourceMapping mapping, long loadId, String sourceFile, String fileHash)
            throws SQLException {
        this(conn, mapping, mapping.target(), loadId, sourceFile, fileHash);
    }

    /**
     * A sink into {@code table} ({@code schema.name}): the mapping's raw table, or the landing table of a mapping
     * whose fields DuckDB computes ({@link ComputedFieldsLoad}), which also records whether a row had bad cells.
     */
    RawTableSink(Connection conn, SourceMapping mapping, String table, long loadId, String sourceFile, String fileHash)
            throws SQLException {
        String[] target = table.split("\\.", 2);
        this.conn = conn;
        this.table = table;
        this.columns = columnsOf(conn, target[0], target[1], mapping);
        this.loadId = loadId;
        this.sourceFile = sourceFile;
        this.fileHash = fileHash;
        try {
            this.handOver = Files.createTempFile(temporaryDirectory(conn), "ingest-", ".csv");
            this.out = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(handOver), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new SQLException("Cannot create the hand-over file for " + sourceFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(String sheet, long row, Object[] values) {
        line.setLength(0);
        text(sheet);
        line.append(',').append(row);
        boolean rejected = row == lastRejectedRow && java.util.Objects.equals(sheet, lastRejectedSheet);
        for (Column c : columns) {
            line.append(',');
            if (c.name.equals(ComputedFieldsLoad.REJECTED_COLUMN)) {
                line.append(rejected);
            } else {
                value(c, c.valueIndex < 0 ? null : values[c.valueIndex]);
            }
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write row " + row + " of " + sourceFile + " to " + handOver + ": " + e.getMessage(), e);
        }
        rowsAppended++;
        if (progress != null) {
            progress.row(rowsAppended);
        }
    }

    @Override
    public void reject(RowRejection rejection) {
        rejections.add(rejection);
        // a reader rejects a row's cells before it hands the row on (only a landing table takes such rows)
        lastRejectedRow = rejection.row();
        lastRejectedSheet = rejection.sheet();
    }

    /** Reports rows, rows/s and the time left while a long file loads. */
    RawTableSink withProgress(LoadProgress progress) {
        this.progress = progress;
        return this;
    }

    List<RowRejection> rejections() {
        return rejections;
    }

    long rowsAppended() {
        return rowsAppended;
    }

    /** Every row is written: DuckDB reads the hand-over file into the table, in the file's transaction. */
    @Override
    public void complete() throws SQLException {
        try {
            out.close();
        } catch (IOException e) {
            throw new SQLException("Cannot write the hand-over file " + handOver + ": " + e.getMessage(), e);
        }
        if (rowsAppended == 0) {
            return;
        }
        long started = System.nanoTime();
        StringBuilder names = new StringBuilder(ROW_COLUMNS);
        StringBuilder types = new StringBuilder("'_sheet': 'VARCHAR', '_row_number': 'BIGINT'");
        for (Column c : columns) {
            names.append(", ").append(quoted(c.name));
            types.append(", ").append(literal(c.name)).append(": ").append(literal(c.type));
        }
        String sql = "insert into " + table + " (_load_id, _source_file, _file_hash, " + names + ") select "
                + loadId + ", " + literal(sourceFile) + ", " + literal(fileHash) + ", " + names
                + " from read_csv(" + literal(handOver.toString()) + ", header = false, auto_detect = false,"
                + " delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = false, null_padding = false,"
                + " max_line_size = 67108864, columns = {" + types + "})";
        try (Statement statement = conn.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(
                    "Cannot move the rows of " + sourceFile + " into " + table + ": " + e.getMessage(),
                    e.getSQLState(),
                    e);
        }
        log.debug(
                "{}: {} rows into {} in {} ms",
                sourceFile,
                rowsAppended,
                table,
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(handOver);
        }
    }

    private void value(Column c, Object v) {
        if (v == null) {
            return;
        }
        switch (c.kind) {
            case VARCHAR -> text(v.toString());
            case INTEGER, BIGINT -> line.append(((Number) v).longValue());
            case DOUBLE -> line.append(((Number) v).doubleValue());
            case DECIMAL -> line.append(scaled(v, c.scale).toPlainString());
            case DATE -> line.append(v instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) v);
            case TIMESTAMP -> line.append(v instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) v);
            case BOOLEAN -> line.append((boolean) (Boolean) v);
        }
    }

    /** Text, always quoted (so that an empty text is not NULL), quotes doubled. */
    private void text(String value) {
        if (value == null) {
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                line.append('"');
            }
            line.append(ch);
        }
        line.append('"');
    }

    private static BigDecimal scaled(Object v, int scale) {
        BigDecimal decimal = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        return decimal.scale() == scale ? decimal : decimal.setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * DuckDB's temporary directory (the warehouse's, beside its file), else the JVM's (an in-memory database's is
     * relative to the working directory).
     */
    private static Path temporaryDirectory(Connection conn) throws SQLException, IOException {
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('temp_directory')")) {
            String dir = rs.next() ? rs.getString(1) : null;
            if (dir == null || dir.isBlank() || !Path.of(dir).isAbsolute()) {
                return Path.of(System.getProperty("java.io.tmpdir"));
            }
            return Files.createDirectories(Path.of(dir));
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static List<Column> columnsOf(Connection conn, String schema, String table, SourceMapping mapping)
            throws SQLException {
        List<String> fields = mapping.fieldNames();
        List<Column> result = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                select column_name, data_type, numeric_scale from information_schema.columns
                where table_schema = ? and table_name = ? order by ordinal_position""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                int position = 0;
                while (rs.next()) {
                    if (position++ < LINEAGE_COLUMNS) {
                        continue;
                    }
                    String name = rs.getString(1);
                    result.add(new Column(
                            name, rs.getString(2), Kind.of(rs.getString(2)), rs.getInt(3), fields.indexOf(name)));
                }
            }
        }
        if (result.isEmpty()) {
            throw new SQLException("Mapping '" + mapping.name() + "' targets " + mapping.target()
                    + ", which is not a raw table of the warehouse");
        }
        List<String> known = result.stream()
                .map(Column::name)
                .filter(n -> !n.equals(ComputedFieldsLoad.REJECTED_COLUMN))
                .toList();
        List<String> unknown = fields.stream().filter(f -> !known.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw new SQLException("Mapping '" + mapping.name() + "' names fields " + unknown + " that table "
                    + mapping.target() + " does not have; it has " + known);
        }
        return result;
    }

    private record Column(String name, String type, Kind kind, int scale, int valueIndex) {}

    private enum Kind {
        VARCHAR,
        INTEGER,
        BIGINT,
        DOUBLE,
        DECIMAL,
        DATE,
        TIMESTAMP,
        BOOLEAN;

        static Kind of(String duckType) {
            String t = duckType.toUpperCase(Locale.ROOT);
            if (t.startsWith("DECIMAL")) {
                return DECIMAL;
            }
            return switch (t) {
                case "INTEGER", "SMALLINT", "TINYINT" -> INTEGER;
                case "BIGINT" -> BIGINT;
                case "DOUBLE", "FLOAT", "REAL" -> DOUBLE;
                case "DATE" -> DATE;
                case "TIMESTAMP" -> TIMESTAMP;
                case "BOOLEAN" -> BOOLEAN;
                default -> VARCHAR;
            };
        }
    }
}
