package io.salesbi.server;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.Meta.Frame;
import org.apache.calcite.avatica.Meta.StatementHandle;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Large results for the salesbi JDBC driver (module {@code client}): {@code POST /statement/rows?connection=ID&
 * statement=N&offset=K} streams the rest of a statement's open result, from row K, in one HTTP answer instead of one
 * Avatica fetch round trip per frame. Each frame is read through the same guarded {@link Meta} as Avatica's fetch
 * requests ({@link GuardedMeta}: the statement must be the user's own, the query holds a place of
 * {@link RunningQueries} while it reads, so cancel, timeouts and the concurrency limit apply, and the audit trail
 * counts the rows), then written in a compact binary form instead of Avatica's protobuf, whose per-cell messages
 * (every value written twice, read back by reflection) cost 4-8 times what DuckDB needs to produce the rows. The
 * server writes a frame, flushes it and reads the next while the client decodes: the connection's buffers are the
 * only read-ahead, so the server holds at most one frame of a stream in memory.
 *
 * <p>The format, version 2 (read by {@code io.salesbi.client.RowStream}): the 4 bytes {@code SBR2}, then records:
 * <ul>
 *   <li>{@code 'F'}, int rows, int columns, byte done (1: the last frame), int length of the cells in bytes, then
 *       each row's cells: a tag byte and its value ({@link #encode}): the values Avatica's own protobuf client would
 *       read for the same cell. The length lets the client read a frame in one call and decode it from memory.</li>
 *   <li>{@code 'E'}, the error's message and SQL state as strings: the statement failed while streaming (cancelled,
 *       timed out, ...); nothing follows.</li>
 * </ul>
 * Strings are an int length and UTF-8 bytes; ints and longs big-endian. Requests need the header
 * {@value StatementControlHandler#CLIENT_HEADER}, like the other {@code /statement/} requests.
 */
final class RowStreamHandler extends AbstractHandler {

    static final String PATH = StatementControlHandler.PREFIX + "rows";
    static final byte[] MAGIC = "SBR2".getBytes(StandardCharsets.US_ASCII);

    /** Rows per frame: one fetch of the statement's cursor, then one flush. */
    static final int FRAME_ROWS = 4_096;

    static final byte NULL = 0;
    static final byte FALSE = 1;
    static final byte TRUE = 2;
    static final byte BYTE = 3;
    static final byte SHORT = 4;
    static final byte INT = 5;
    static final byte LONG = 6;
    static final byte FLOAT = 7;
    static final byte DOUBLE = 8;
    static final byte DECIMAL = 9;
    static final byte DECIMAL_TEXT = 10;
    static final byte STRING = 11;
    static final byte CHAR = 12;
    static final byte BYTES = 13;
    /** Any other value: Avatica's protobuf frame of one row holding just this cell, decoded by Avatica itself. */
    static final byte AVATICA = 14;

    private static final Logger LOG = LoggerFactory.getLogger(RowStreamHandler.class);

    private final Meta meta;

    /** @param meta the guarded meta that Avatica's requests go through ({@link GuardedMeta#wrap}) */
    RowStreamHandler(Meta meta) {
        this.meta = meta;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!target.equals(PATH)) {
            return;
        }
        baseRequest.setHandled(true);
        if (!"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeader.ALLOW.asString(), "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (request.getHeader(StatementControlHandler.CLIENT_HEADER) == null) {
            response.sendError(
                    HttpServletResponse.SC_FORBIDDEN,
                    "header " + StatementControlHandler.CLIENT_HEADER + " is missing");
            return;
        }
        String connectionId = request.getParameter("connection");
        Integer statementId = StatementControlHandler.number(request.getParameter("statement"));
        Integer offset = StatementControlHandler.number(request.getParameter("offset"));
        if (connectionId == null || connectionId.isBlank() || statementId == null || offset == null || offset < 0) {
            response.sendError(
                    HttpServletResponse.SC_BAD_REQUEST,
                    "parameters connection (an id), statement (a number) and offset (a row number >= 0) are needed");
            return;
        }
        StatementHandle handle = new StatementHandle(connectionId, statementId, null);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/x-salesbi-rows");
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(response.getOutputStream(), 1 << 16));
        out.write(MAGIC);
        long row = offset;
        long frames = 0;
        FrameBuffer buffer = new FrameBuffer();
        while (true) {
            Frame frame;
            try {
                DirectRows.streamInto(buffer);
                frame = meta.fetch(handle, row, FRAME_ROWS);
            } catch (Exception e) {
                // GuardedMeta has logged and audited it and turned it into what a client may read
                writeError(out, e);
                break;
            } finally {
                DirectRows.streamDone();
            }
            row += writeFrame(out, frame, buffer);
            frames++;
            out.flush();
            if (frame.done) {
                break;
            }
        }
        out.flush();
        LOG.debug(
                "jdbc user={} op=streamRows statement={} rows={} frames={}",
                CurrentUser.require().name(),
                statementId,
                row - offset,
                frames);
    }

    /** Writes one frame; returns its number of rows. */
    static int writeFrame(DataOutputStream out, Frame frame) throws IOException {
        return writeFrame(out, frame, new FrameBuffer());
    }

    /** Writes one frame, its cells encoded in {@code buffer} first; returns its number of rows. */
    static int writeFrame(DataOutputStream out, Frame frame, FrameBuffer buffer) throws IOException {
        if (frame instanceof DirectRows.EncodedFrame encoded) {
            // read straight from DuckDB into the buffer (SessionMeta.fetch)
            int rows = ((java.util.Collection<?>) encoded.rows).size();
            writeHeader(out, rows, encoded.columns, encoded.done, buffer.size());
            buffer.writeTo(out);
            return rows;
        }
        List<Object> rows = frame.rows instanceof List<Object> list ? list : copy(frame.rows);
        int columns = rows.isEmpty() ? 0 : cells(rows.get(0)).length;
        buffer.clear();
        for (Object row : rows) {
            for (Object cell : cells(row)) {
                encode(buffer, cell);
            }
        }
        writeHeader(out, rows.size(), columns, frame.done, buffer.size());
        buffer.writeTo(out);
        return rows.size();
    }

    private static void writeHeader(DataOutputStream out, int rows, int columns, boolean done, int bytes)
            throws IOException {
        out.writeByte('F');
        out.writeInt(rows);
        out.writeInt(columns);
        out.writeByte(done ? 1 : 0);
        out.writeInt(bytes);
    }

    /** One cell: a tag and the value Avatica's remote client would hold for it after its protobuf round trip. */
    static void encode(FrameBuffer out, Object value) {
        if (value == null) {
            out.put(NULL);
        } else if (value instanceof String s) {
            out.put(STRING);
            out.putString(s);
        } else if (value instanceof Long l) {
            out.put(LONG);
            out.putLong(l);
        } else if (value instanceof Integer i) {
            out.put(INT);
            out.putInt(i);
        } else if (value instanceof BigDecimal d) {
            encodeDecimal(out, d);
        } else if (value instanceof Double d) {
            out.put(DOUBLE);
            out.putLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Boolean b) {
            out.put(b ? TRUE : FALSE);
        } else if (value instanceof Short s) {
            out.put(SHORT);
            out.putShort(s);
        } else if (value instanceof Byte b) {
            out.put(BYTE);
            out.put(b);
        } else if (value instanceof Float f) {
            out.put(FLOAT);
            out.putInt(Float.floatToRawIntBits(f));
        } else if (value instanceof Character c) {
            out.put(CHAR);
            out.putShort((short) c.charValue());
        } else if (value instanceof byte[] bytes) {
            out.put(BYTES);
            out.putInt(bytes.length);
            out.put(bytes);
        } else {
            // dates and times as objects, lists, arrays: exactly as Avatica would send them
            byte[] proto =
                    new Frame(0, true, List.of(new Object[] {value})).toProto().toByteArray();
            out.put(AVATICA);
            out.putInt(proto.length);
            out.put(proto);
        }
    }

    static void encodeDecimal(FrameBuffer out, BigDecimal d) {
        java.math.BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < 64) {
            out.put(DECIMAL);
            out.putLong(unscaled.longValue());
            out.putInt(d.scale());
        } else {
            out.put(DECIMAL_TEXT);
            out.putString(d.toString());
        }
    }

    private static void writeError(DataOutputStream out, Exception e) throws IOException {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String state = "HY000";
        if (e instanceof AvaticaRuntimeException avatica) {
            message = avatica.getErrorMessage();
            state = avatica.getSqlState();
        }
        out.writeByte('E');
        writeString(out, message);
        writeString(out, state == null ? "HY000" : state);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static Object[] cells(Object row) {
        if (row instanceof Object[] array) {
            return array;
        }
        if (row instanceof List<?> list) {
            return list.toArray();
        }
        return new Object[] {row};
    }

    private static List<Object> copy(Iterable<Object> rows) {
        List<Object> list = new java.util.ArrayList<>();
        rows.forEach(list::add);
        return list;
    }
}
