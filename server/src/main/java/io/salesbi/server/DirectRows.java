package io.salesbi.server;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta.Frame;
import org.apache.calcite.avatica.Meta.MetaResultSet;
import org.apache.calcite.rel.RelRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast path of {@link RowStreamHandler}'s stream: the rows of a query that Calcite runs as one DuckDB query
 * (its whole plan pushed down: a select of a warehouse relation with its row policy and masks, a join across
 * schemas, ...) are read straight from DuckDB's result with its typed getters and encoded into the stream's frame,
 * instead of through Calcite's enumerable (every value boxed into a row array and converted), Avatica's result set
 * and frame. What the client receives is the same, value for value, as Avatica's fetch would send (the cells of
 * {@link RowStreamHandler#encode}: DATE as day number, TIMESTAMP as milliseconds of the stored wall-clock time).
 *
 * <p>It reads the very DuckDB result Calcite opened for the query, on the session's snapshot and already filtered
 * by the query's row policy, from the row where Calcite's cursor stopped after the first frame; it is only taken
 * when that place is certain: the plan is one {@link JdbcToEnumerableConverter} returning its DuckDB columns
 * unchanged, the execute opened exactly one DuckDB result, Calcite advanced it exactly one row past the first
 * frame (its cursor reads one row ahead), there is no row limit, and every column is of a type read here. Each
 * frame is read by a fetch request through {@link GuardedMeta}, so ownership, the concurrency limit, cancel,
 * timeouts and the audit trail apply as on Avatica's path. Anything else goes Calcite's way.
 */
final class DirectRows {

    /** How a column is read from DuckDB and written to the stream. */
    private enum Kind {
        BIGINT,
        INTEGER,
        SMALLINT,
        TINYINT,
        DOUBLE,
        BOOLEAN,
        DECIMAL,
        VARCHAR,
        DATE,
        TIMESTAMP
    }

    /** What one query execute on this thread planned and opened in DuckDB. */
    static final class Capture implements AutoCloseable {
        private boolean wholePushdown;
        private final List<Cursor> cursors = new ArrayList<>();

        @Override
        public void close() {
            CAPTURE.remove();
        }

        /**
         * The direct reading of the rest of {@code result} (the first result of an execute of this capture), or
         * null when the rows must go Calcite's way.
         */
        Stream stream(MetaResultSet result, long maxRowCount) throws SQLException {
            if (!wholePushdown || maxRowCount > 0) {
                LOG.debug("no direct rows: whole pushdown {}, row limit {}", wholePushdown, maxRowCount);
                return null;
            }
            // results already closed were read whole during the execute (a schema's table list, say)
            List<Cursor> open = new ArrayList<>();
            for (Cursor cursor : cursors) {
                if (!cursor.rows.isClosed()) {
                    open.add(cursor);
                }
            }
            if (open.size() != 1) {
                LOG.debug("no direct rows: {} open DuckDB results of {}", open.size(), cursors.size());
                return null;
            }
            Frame first = result.firstFrame;
            if (first == null || first.done || result.signature == null) {
                return null;
            }
            Cursor cursor = open.get(0);
            long firstRows = count(first.rows);
            if (!cursor.onRow || cursor.advanced != firstRows + 1) {
                LOG.debug("no direct rows: Calcite moved {} rows for a first frame of {}", cursor.advanced, firstRows);
                return null;
            }
            List<ColumnMetaData> columns = result.signature.columns;
            ResultSetMetaData duckDb = cursor.rows.getMetaData();
            if (duckDb.getColumnCount() != columns.size()) {
                return null;
            }
            Kind[] kinds = new Kind[columns.size()];
            for (int i = 0; i < kinds.length; i++) {
                kinds[i] = kind(columns.get(i).type.id, duckDb.getColumnTypeName(i + 1));
                if (kinds[i] == null) {
                    return null;
                }
            }
            return new Stream(cursor.rows, kinds, first.offset + firstRows);
        }
    }

    /** A DuckDB result Calcite reads, and how far Calcite has moved it. */
    static final class Cursor {
        private final ResultSet rows;
        private long advanced;
        private boolean onRow;

        private Cursor(ResultSet rows) {
            this.rows = rows;
        }

        /** Calcite called {@code next()}, which answered {@code onRow}. */
        void moved(boolean onRow) {
            this.onRow = onRow;
            if (onRow) {
                advanced++;
            }
        }
    }

    /** A frame whose cells are already encoded in the stream's {@link FrameBuffer}. */
    static final class EncodedFrame extends Frame {
        final int columns;

        EncodedFrame(long offset, boolean done, int rows, int columns) {
            // the rows' number for the audit trail; the cells are in the buffer
            super(offset, done, Collections.nCopies(rows, null));
            this.columns = columns;
        }
    }

    /** The rest of one result, read from DuckDB frame by frame. */
    static final class Stream {
        private final ResultSet rows;
        private final Kind[] kinds;
        private long nextOffset;
        private boolean onRow = true;
        private boolean started;

        private Stream(ResultSet rows, Kind[] kinds, long nextOffset) {
            this.rows = rows;
            this.kinds = kinds;
            this.nextOffset = nextOffset;
        }

        synchronized long nextOffset() {
            return nextOffset;
        }

        /** Whether rows were read here: Calcite's cursor no longer knows where the result stands. */
        synchronized boolean started() {
            return started;
        }

        /** Encodes up to {@code maxRows} rows (0 or less: all) into {@code buffer}. */
        synchronized EncodedFrame fetch(FrameBuffer buffer, int maxRows) throws SQLException {
            started = true;
            buffer.clear();
            long offset = nextOffset;
            int count = 0;
            boolean done = false;
            while (maxRows <= 0 || count < maxRows) {
                if (!onRow && !rows.next()) {
                    done = true;
                    break;
                }
                onRow = false;
                for (int i = 0; i < kinds.length; i++) {
                    encode(buffer, rows, i + 1, kinds[i]);
                }
                count++;
            }
            if (!done && !onRow) {
                // one row ahead, as Calcite's cursor: the last frame says it is the last
                onRow = rows.next();
                done = !onRow;
            }
            nextOffset += count;
            return new EncodedFrame(offset, done, count, kinds.length);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DirectRows.class);
    private static final ThreadLocal<Capture> CAPTURE = new ThreadLocal<>();
    private static final ThreadLocal<FrameBuffer> STREAM_TARGET = new ThreadLocal<>();

    private DirectRows() {}

    /** Starts recording what the query executed on this thread plans and opens; close it when the execute ends. */
    static Capture capture() {
        Capture capture = new Capture();
        CAPTURE.set(capture);
        return capture;
    }

    /** The plan the running execute uses (planned now or cached) is one DuckDB query, or not. */
    static void planUsed(boolean wholePushdown) {
        Capture capture = CAPTURE.get();
        if (capture != null) {
            capture.wholePushdown = wholePushdown;
        }
    }

    /** A DuckDB result opened for Calcite; null when no execute is being recorded on this thread. */
    static Cursor opened(ResultSet rows) {
        Capture capture = CAPTURE.get();
        if (capture == null) {
            return null;
        }
        Cursor cursor = new Cursor(rows);
        capture.cursors.add(cursor);
        return cursor;
    }

    /** Whether Calcite's plan is one DuckDB query whose columns are the result's, unchanged. */
    static boolean isWholePushdown(RelRoot root) {
        boolean whole = root.rel instanceof JdbcToEnumerableConverter && root.isRefTrivial();
        if (!whole && LOG.isDebugEnabled()) {
            LOG.debug("not one DuckDB query: {}", org.apache.calcite.plan.RelOptUtil.toString(root.rel));
        }
        return whole;
    }

    /** Fetches on this thread encode into {@code buffer} where they can ({@link SessionMeta#fetch}). */
    static void streamInto(FrameBuffer buffer) {
        STREAM_TARGET.set(buffer);
    }

    static void streamDone() {
        STREAM_TARGET.remove();
    }

    /** The stream's buffer when the fetch on this thread is one of {@link RowStreamHandler}'s; else null. */
    static FrameBuffer streamTarget() {
        return STREAM_TARGET.get();
    }

    /** The kind of a column Calcite reports as JDBC type {@code calcite} and DuckDB as {@code duckDb}; null: none. */
    static Kind kind(int calcite, String duckDb) {
        String type = duckDb == null ? "" : duckDb.toUpperCase(Locale.ROOT);
        return switch (calcite) {
            case Types.BIGINT -> type.equals("BIGINT") ? Kind.BIGINT : null;
            case Types.INTEGER -> type.equals("INTEGER") ? Kind.INTEGER : null;
            case Types.SMALLINT -> type.equals("SMALLINT") ? Kind.SMALLINT : null;
            case Types.TINYINT -> type.equals("TINYINT") ? Kind.TINYINT : null;
            case Types.DOUBLE, Types.FLOAT -> type.equals("DOUBLE") ? Kind.DOUBLE : null;
            case Types.BOOLEAN -> type.equals("BOOLEAN") ? Kind.BOOLEAN : null;
            case Types.DECIMAL, Types.NUMERIC -> type.startsWith("DECIMAL") ? Kind.DECIMAL : null;
            case Types.VARCHAR, Types.CHAR -> type.equals("VARCHAR") ? Kind.VARCHAR : null;
            case Types.DATE -> type.equals("DATE") ? Kind.DATE : null;
            case Types.TIMESTAMP -> type.equals("TIMESTAMP") ? Kind.TIMESTAMP : null;
            default -> null;
        };
    }

    /** One cell, as {@link RowStreamHandler#encode} writes the value Avatica's fetch would hold for it. */
    private static void encode(FrameBuffer out, ResultSet rows, int column, Kind kind) throws SQLException {
        switch (kind) {
            case BIGINT -> {
                long value = rows.getLong(column);
                if (value == 0 && rows.wasNull()) {
                    out.put(RowStreamHandler.NULL);
                } else {
                    out.put(RowStreamHandler.LONG);
                    out.putLong(value);
                }
            }
            case INTEGER -> {
                int value = rows.getInt(column);
                if (value == 0 && rows.wasNull()) {
                    out.put(RowStreamHandler.NULL);
                } else {
                    out.put(RowStreamHandler.INT);
                    out.putInt(value);
                }
            }
            case SMALLINT -> {
                short value = rows.getShort(column);
                if (value == 0 && rows.wasNull()) {
                    out.put(RowStreamHandler.NULL);
                } else {
                    out.put(RowStreamHandler.SHORT);
                    out.putShort(value);
                }
            }
            case TINYINT -> {
                byte value = rows.getByte(column);
                if (value == 0 && rows.wasNull()) {
                    out.put(RowStreamHandler.NULL);
                } else {
                    out.put(RowStreamHandler.BYTE);
                    out.put(value);
                }
            }
            case DOUBLE -> {
                double value = rows.getDouble(column);
                if (value == 0 && rows.wasNull()) {
                    out.put(RowStreamHandler.NULL);
                } else {
                    out.put(RowStreamHandler.DOUBLE);
                    out.putLong(Double.doubleToRawLongBits(value));
                }
            }
            case BOOLEAN -> {
                boolean value = rows.getBoolean(column);
                out.put(
                        !value && rows.wasNull()
                                ? RowStreamHandler.NULL
                                : value ? RowStreamHandler.TRUE : RowStreamHandler.FALSE);
            }
            case DECIMAL -> {
                BigDecimal value = rows.getBigDecimal(column);
                if (value == null) {
                    out.put(RowStreamHandler.NULL);
                } else {
                    RowStreamHandler.encodeDecimal(out, value);
                }
            }
            case VARCHAR -> {
                String value = rows.getString(column);
                if (value == null) {
                    out.put(RowStreamHandler.NULL);
                } else {
                    out.put(RowStreamHandler.STRING);
                    out.putString(value);
                }
            }
            case DATE -> {
                LocalDate value = rows.getObject(column, LocalDate.class);
                if (value == null) {
                    out.put(RowStreamHandler.NULL);
                } else {
                    // Avatica's DATE: days since 1970-01-01
                    out.put(RowStreamHandler.INT);
                    out.putInt(Math.toIntExact(value.toEpochDay()));
                }
            }
            case TIMESTAMP -> {
                LocalDateTime value = rows.getObject(column, LocalDateTime.class);
                if (value == null) {
                    out.put(RowStreamHandler.NULL);
                } else {
                    // Avatica's TIMESTAMP: milliseconds since 1970 of the wall-clock time, as if at UTC
                    out.put(RowStreamHandler.LONG);
                    out.putLong(Math.addExact(
                            Math.multiplyExact(value.toEpochSecond(ZoneOffset.UTC), 1_000L),
                            value.getNano() / 1_000_000));
                }
            }
        }
    }

    private static long count(Iterable<Object> rows) {
        if (rows instanceof java.util.Collection<?> collection) {
            return collection.size();
        }
        long count = 0;
        for (Object ignored : rows) {
            count++;
        }
        return count;
    }
}
