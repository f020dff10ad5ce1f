package io.salesbi.client;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.calcite.avatica.Meta.Frame;
import org.apache.calcite.avatica.proto.Common;

/**
 * The rows of a result after its first frame, read from the server's {@code /statement/rows} stream instead of one
 * Avatica fetch request per frame (the server side and the format: {@code io.salesbi.server.RowStreamHandler}).
 * Yields each row as Avatica's protobuf client would: a list of the cell values in Avatica's "serial" form (dates as
 * day numbers, timestamps as milliseconds), so Avatica's cursor and accessors read them unchanged. The stream is
 * opened when the first frame's rows are used up and closed at its end or when the result set closes.
 */
final class RowStream implements Iterator<Object>, AutoCloseable {

    private static final byte[] MAGIC = "SBR2".getBytes(StandardCharsets.US_ASCII);

    /** Opens the server's stream of a statement's rows from a row number on. */
    interface Opener {
        InputStream open(long offset) throws SQLException;
    }

    private final Opener opener;
    private Iterator<Object> frame;
    private long nextOffset;
    private boolean done;
    private InputStream stream;
    private DataInputStream in;
    private boolean closed;
    private byte[] cells = new byte[1 << 16];

    RowStream(Frame first, Opener opener) {
        this.opener = opener;
        List<Object> rows = new ArrayList<>();
        first.rows.forEach(rows::add);
        this.frame = rows.iterator();
        this.nextOffset = first.offset + rows.size();
        this.done = first.done;
    }

    @Override
    public boolean hasNext() {
        while (!frame.hasNext()) {
            if (done || closed) {
                close();
                return false;
            }
            try {
                frame = readFrame();
            } catch (SQLException e) {
                close();
                throw new StreamFailure(e);
            } catch (IOException e) {
                close();
                throw new StreamFailure(new SQLException(
                        "the salesbi server's stream of rows broke off after row " + nextOffset + ": " + e,
                        "08006",
                        e));
            }
        }
        return true;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return frame.next();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stream != null) {
            try {
                // before the end this drops the connection, which stops the server writing
                stream.close();
            } catch (IOException e) {
                // nothing left to read
            }
        }
    }

    private Iterator<Object> readFrame() throws SQLException, IOException {
        if (in == null) {
            stream = opener.open(nextOffset);
            in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new SQLException(
                        "the salesbi server answered the stream of rows in an unknown format (a newer server?)",
                        "08006");
            }
        }
        int kind;
        try {
            kind = in.readUnsignedByte();
        } catch (EOFException e) {
            throw new IOException("the stream ended before its last frame", e);
        }
        if (kind == 'E') {
            String message = string(in);
            String state = string(in);
            done = true;
            throw message.contains(Wrappers.TIMEOUT_MESSAGE)
                    ? new SQLTimeoutException(message, state)
                    : new SQLException(message, state);
        }
        if (kind != 'F') {
            throw new IOException("unknown record " + kind + " in the stream of rows");
        }
        int rows = in.readInt();
        int columns = in.readInt();
        done = in.readUnsignedByte() == 1;
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("a frame of " + length + " bytes in the stream of rows");
        }
        if (cells.length < length) {
            cells = new byte[Math.max(length, cells.length * 2)];
        }
        in.readFully(cells, 0, length);
        FrameReader reader = new FrameReader(cells, length);
        List<Object> frameRows = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = reader.cell();
            }
            frameRows.add(Arrays.asList(row));
        }
        if (reader.position() != length) {
            throw new IOException("a frame of " + length + " bytes held " + reader.position() + " bytes of cells");
        }
        nextOffset += rows;
        return frameRows.iterator();
    }

    /** The cells of one frame, read from memory as the server's {@code RowStreamHandler.encode} wrote them. */
    static final class FrameReader {

        private static final VarHandle SHORT =
                MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        private final byte[] bytes;
        private final int end;
        private int at;

        FrameReader(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
        }

        int position() {
            return at;
        }

        Object cell() throws IOException {
            int tag = u8();
            return switch (tag) {
                case 0 -> null;
                case 1 -> Boolean.FALSE;
                case 2 -> Boolean.TRUE;
                case 3 -> (byte) u8();
                case 4 -> (short) s16();
                case 5 -> s32();
                case 6 -> s64();
                case 7 -> Float.intBitsToFloat(s32());
                case 8 -> Double.longBitsToDouble(s64());
                case 9 -> {
                    long unscaled = s64();
                    yield BigDecimal.valueOf(unscaled, s32());
                }
                case 10 -> new BigDecimal(string());
                case 11 -> string();
                case 12 -> (char) s16();
                case 13 -> bytes(s32());
                case 14 -> {
                    byte[] proto = bytes(s32());
                    Frame one = Frame.fromProto(Common.Frame.parseFrom(proto));
                    Object row = one.rows.iterator().next();
                    yield row instanceof List<?> list ? list.get(0) : ((Object[]) row)[0];
                }
                default -> throw new IOException("unknown cell tag " + tag + " in the stream of rows");
            };
        }

        private int u8() throws IOException {
            need(1);
            return bytes[at++] & 0xFF;
        }

        private int s16() throws IOException {
            need(2);
            int value = (short) SHORT.get(bytes, at);
            at += 2;
            return value;
        }

        private int s32() throws IOException {
            need(4);
            int value = (int) INT.get(bytes, at);
            at += 4;
            return value;
        }

        private long s64() throws IOException {
            need(8);
            long value = (long) LONG.get(bytes, at);
            at += 8;
            return value;
        }

        private byte[] bytes(int length) throws IOException {
            need(length);
            byte[] value = Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return value;
        }

        private String string() throws IOException {
            int length = s32();
            need(length);
            int start = at;
            int stop = start + length;
            boolean ascii = true;
            for (int i = start; i < stop; i++) {
                if (bytes[i] < 0) {
                    ascii = false;
                    break;
                }
            }
            at = stop;
            // ASCII as Latin-1: a plain copy into the string's bytes, no decoding
            return new String(bytes, start, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }

        private void need(int length) throws IOException {
            if (length < 0 || end - at < length) {
                throw new IOException("a cell of the stream of rows runs past its frame (" + length + " bytes at " + at
                        + " of " + end + ")");
            }
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** A failure while reading rows, carried through Avatica's cursor to {@code ResultSet.next()}. */
    static final class StreamFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }
}
