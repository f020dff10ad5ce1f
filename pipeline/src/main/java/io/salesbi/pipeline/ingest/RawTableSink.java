package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends the typed rows of one file to its raw table, with lineage, through DuckDB's Appender; keeps the
 * file's row rejections for quarantine. Used inside the file's transaction, so nothing is visible until commit.
 */
final class RawTableSink implements RowSink, AutoCloseable {

    private static final int LINEAGE_COLUMNS = 5;

    private final DuckDBAppender appender;
    private final List<Column> columns;
    private final long loadId;
    private final String sourceFile;
    private final String fileHash;
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
        this.columns = columnsOf(conn, target[0], target[1], mapping);
        this.appender = conn.unwrap(DuckDBConnection.class).createAppender(target[0], target[1]);
        this.loadId = loadId;
        this.sourceFile = sourceFile;
        this.fileHash = fileHash;
    }

    @Override
    public void accept(String sheet, long row, Object[] values) {
        try {
            appender.beginRow();
            appender.append(loadId);
            appender.append(sourceFile);
            appender.append(fileHash);
            appender.append(sheet);
            appender.append(row);
            boolean rejected = row == lastRejectedRow && java.util.Objects.equals(sheet, lastRejectedSheet);
            for (Column c : columns) {
                if (c.name.equals(ComputedFieldsLoad.REJECTED_COLUMN)) {
                    appender.append(rejected);
                } else {
                    append(c, c.valueIndex < 0 ? null : values[c.valueIndex]);
                }
            }
            appender.endRow();
            rowsAppended++;
            if (progress != null) {
                progress.row(rowsAppended);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot append row " + row + " of " + sourceFile + ": " + e.getMessage(), e);
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

    private void append(Column c, Object v) throws SQLException {
        if (v == null) {
            appender.appendNull();
            return;
        }
        switch (c.kind) {
            case VARCHAR -> appender.append(v.toString());
            case INTEGER -> appender.append(((Number) v).intValue());
            case BIGINT -> appender.append(((Number) v).longValue());
            case DOUBLE -> appender.append(((Number) v).doubleValue());
            case DECIMAL -> appender.append(toDecimal(v).setScale(c.scale, RoundingMode.HALF_UP));
            case DATE -> appender.append(v instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) v);
            case TIMESTAMP -> appender.append(v instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) v);
            case BOOLEAN -> appender.append((Boolean) v);
        }
    }

    private static BigDecimal toDecimal(Object v) {
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    @Override
    public void close() throws SQLException {
        appender.close();
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
                    result.add(new Column(name, Kind.of(rs.getString(2)), rs.getInt(3), fields.indexOf(name)));
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

    private record Column(String name, Kind kind, int scale, int valueIndex) {}

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
