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
 * <p>The rows go over as canonical CSV files (every value already typed and checked by the reader: ISO dates,
 * plain decimals at the column's scale, text always quoted so that an empty text stays empty and only a missing value
 * is NULL), each read by one {@code insert … select … from read_csv(…)} with the table's column types: DuckDB's
 * parallel bulk path. A file of more than {@value #CHUNK_ROWS} rows goes over in chunks of that many, each inserted
 * on a thread of its own while the next is written, so that parsing and DuckDB's insert overlap; the last when the
 * rows are complete ({@link #complete()}). Appending row by row through DuckDB's Appender cost about 3 µs a row with
 * 16 columns (issue #22: the night's ingest 1.8× DuckDB's read_csv of the same files). The chunks lie in DuckDB's
 * temporary directory (beside the warehouse); each is deleted once inserted, and every one when the sink closes.
 */
final class RawTableSink implements PipelinedSink.Completing {

    private static final Logger log = LoggerFactory.getLogger(RawTableSink.class);
    private static final int LINEAGE_COLUMNS = 5;
    private static final String ROW_COLUMNS = "_sheet, _row_number";

    /**
     * The longest row of the hand-over file (8 MB; an Excel cell holds at most 32,767 characters) and DuckDB's read
     * buffer (32 MB per thread). read_csv's default buffer is 16 rows of the longest: with 64 MB rows it asked for
     * one block of 1 GiB while the transaction held the rest of a 1.25 GB buffer pool, and a 3.5 GB file failed
     * (scale 100).
     */
    private static final int MAX_LINE_BYTES = 8 << 20;

    private static final int BUFFER_BYTES = 32 << 20;

    /** Rows per hand-over chunk (about 75 MB of order lines). */
    static final int CHUNK_ROWS = 1_000_000;

    private final Connection conn;
    private final String table;
    private final List<Column> columns;
    private final long loadId;
    private final String sourceFile;
    private final String fileHash;
    private final Path directory;
    private final java.util.concurrent.ExecutorService inserting;
    private final List<java.util.concurrent.Future<?>> inserts = new ArrayList<>();
    private final List<Path> chunks = new ArrayList<>();
    private Path handOver;
    private Writer out;
    private long rowsInChunk;
    private String chunkFirstRow;
    private String lastRow;

    /** The insert of one chunk, around the chunk's path: built once from the table's columns. */
    private final String insertPrefix;

    private final String insertSuffix;
    private int chunkRows = CHUNK_ROWS;
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
        StringBuilder names = new StringBuilder(ROW_COLUMNS);
        StringBuilder types = new StringBuilder("'_sheet': 'VARCHAR', '_row_number': 'BIGINT'");
        for (Column c : columns) {
            names.append(", ").append(quoted(c.name));
            types.append(", ").append(literal(c.name)).append(": ").append(literal(c.type));
        }
        this.insertPrefix = "insert into " + table + " (_load_id, _source_file, _file_hash, " + names + ") select "
                + loadId + ", " + literal(sourceFile) + ", " + literal(fileHash) + ", " + names + " from read_csv(";
        this.insertSuffix = ", header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
                + " allow_quoted_nulls = false, null_padding = false, max_line_size = " + MAX_LINE_BYTES
                + ", buffer_size = " + BUFFER_BYTES + ", columns = {" + types + "})";
        this.loadId = loadId;
        this.sourceFile = sourceFile;
        this.fileHash = fileHash;
        try {
            this.directory = temporaryDirectory(conn);
            nextChunk();
        } catch (IOException e) {
            throw new SQLException("Cannot create the hand-over file for " + sourceFile + ": " + e.getMessage(), e);
        }
        this.inserting = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "insert " + sourceFile);
            thread.setDaemon(true);
            return thread;
        });
    }

    private void nextChunk() throws IOException {
        handOver = Files.createTempFile(directory, "ingest-", ".csv");
        chunks.add(handOver);
        out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(handOver), StandardCharsets.UTF_8), 1 << 16);
        rowsInChunk = 0;
    }

    /** Closes the chunk being written and inserts it on the inserting thread, after the chunks before it. */
    private void handChunk() throws IOException {
        out.close();
        if (rowsInChunk == 0) {
            return;
        }
        Path chunk = handOver;
        String rows = "rows " + chunkFirstRow + " to " + lastRow;
        inserts.add(inserting.submit(() -> {
            insert(chunk, rows);
            return null;
        }));
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
        lastRow = sheet == null ? String.valueOf(row) : row + " (sheet " + sheet + ")";
        if (rowsInChunk == 0) {
            chunkFirstRow = lastRow;
        }
        try {
            out.append(line);
            if (++rowsInChunk == chunkRows) {
                handChunk();
                nextChunk();
            }
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

    /** Smaller chunks, for tests. */
    RawTableSink withChunkRows(int rows) {
        this.chunkRows = rows;
        return this;
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

    /**
     * Every row is written: the last chunk is inserted and every insert awaited, in the file's transaction; the first
     * failed insert is thrown.
     */
    @Override
    public void complete() throws SQLException {
        long started = System.nanoTime();
        try {
            handChunk();
            for (java.util.concurrent.Future<?> insert : inserts) {
                insert.get();
            }
        } catch (IOException e) {
            throw new SQLException("Cannot write the hand-over file " + handOver + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while the rows of " + sourceFile + " were inserted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException sql
                    ? sql
                    : new SQLException(e.getCause().getMessage(), e.getCause());
        }
        log.debug(
                "{}: {} rows into {}, {} ms after the last row",
                sourceFile,
                rowsAppended,
                table,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void insert(Path chunk, String rows) throws SQLException, IOException {
        String sql = insertPrefix + literal(chunk.toString()) + insertSuffix;
        try (Statement statement = conn.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(
                    "Cannot move " + rows + " of " + sourceFile + " into " + table + ": " + e.getMessage(),
                    e.getSQLState(),
                    e);
        } finally {
            Files.deleteIfExists(chunk);
        }
    }

    /** Stops inserting (a file that failed half way waits for the insert running) and deletes every chunk. */
    @Override
    public void close() throws IOException {
        inserting.shutdownNow();
        try {
            inserting.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } finally {
            for (Path chunk : chunks) {
                Files.deleteIfExists(chunk);
            }
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
