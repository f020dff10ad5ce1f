package io.salesbi.client;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
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

    private static final byte[] MAGIC = "SBR1".getBytes(StandardCharsets.US_ASCII);

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
        List<Object> frameRows = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            Object[] cells = new Object[columns];
            for (int c = 0; c < columns; c++) {
                cells[c] = cell(in);
            }
            frameRows.add(Arrays.asList(cells));
        }
        nextOffset += rows;
        return frameRows.iterator();
    }

    /** One cell as the server's {@code RowStreamHandler.encode} wrote it. */
    static Object cell(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> Boolean.FALSE;
            case 2 -> Boolean.TRUE;
            case 3 -> in.readByte();
            case 4 -> in.readShort();
            case 5 -> in.readInt();
            case 6 -> in.readLong();
            case 7 -> in.readFloat();
            case 8 -> in.readDouble();
            case 9 -> {
                long unscaled = in.readLong();
                yield BigDecimal.valueOf(unscaled, in.readInt());
            }
            case 10 -> new BigDecimal(string(in));
            case 11 -> string(in);
            case 12 -> in.readChar();
            case 13 -> in.readNBytes(in.readInt());
            case 14 -> {
                byte[] proto = in.readNBytes(in.readInt());
                Frame one = Frame.fromProto(Common.Frame.parseFrom(proto));
                Object row = one.rows.iterator().next();
                yield row instanceof List<?> list ? list.get(0) : ((Object[]) row)[0];
            }
            default -> throw new IOException("unknown cell tag " + tag + " in the stream of rows");
        };
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
