package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stream's cells as bytes: the same as the big-endian {@code DataOutputStream} writes of format version 1. */
class FrameBufferTest {

    @Test
    void stringsAreTheirUtf8BytesAfterTheirLength() {
        for (String text :
                new String[] {"", "Nord", "Zeile ü 20000", "Straße €", "emoji \uD83D\uDE00 ok", "x".repeat(70_000) + "ä"
                }) {
            FrameBuffer buffer = new FrameBuffer();
            buffer.putString(text);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] written = buffer.toByteArray();
            assertThat(written).hasSize(4 + utf8.length);
            assertThat(readInt(written, 0)).as(text).isEqualTo(utf8.length);
            assertThat(new String(written, 4, utf8.length, StandardCharsets.UTF_8))
                    .isEqualTo(text);
        }
    }

    @Test
    void anUnpairedSurrogateBecomesAQuestionMarkAsInGetBytes() {
        String broken = "a\uD83Db";
        FrameBuffer buffer = new FrameBuffer();
        buffer.putString(broken);
        byte[] written = buffer.toByteArray();
        assertThat(new String(written, 4, written.length - 4, StandardCharsets.UTF_8))
                .isEqualTo(new String(broken.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo("a?b");
    }

    @Test
    void cellsAreWhatDataOutputStreamWritesForTheSameValues() throws IOException {
        FrameBuffer buffer = new FrameBuffer();
        Object[] cells = {
            null,
            true,
            false,
            (byte) -3,
            (short) 300,
            123_456,
            -9_876_543_210L,
            1.5f,
            -2.25d,
            new BigDecimal("1250000.50"),
            new BigDecimal("200000000000000000000000000"),
            "Süd",
            'x',
            new byte[] {1, 2, 3}
        };
        for (Object cell : cells) {
            RowStreamHandler.encode(buffer, cell);
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeByte(RowStreamHandler.NULL);
        out.writeByte(RowStreamHandler.TRUE);
        out.writeByte(RowStreamHandler.FALSE);
        out.writeByte(RowStreamHandler.BYTE);
        out.writeByte(-3);
        out.writeByte(RowStreamHandler.SHORT);
        out.writeShort(300);
        out.writeByte(RowStreamHandler.INT);
        out.writeInt(123_456);
        out.writeByte(RowStreamHandler.LONG);
        out.writeLong(-9_876_543_210L);
        out.writeByte(RowStreamHandler.FLOAT);
        out.writeFloat(1.5f);
        out.writeByte(RowStreamHandler.DOUBLE);
        out.writeDouble(-2.25d);
        out.writeByte(RowStreamHandler.DECIMAL);
        out.writeLong(125_000_050L);
        out.writeInt(2);
        out.writeByte(RowStreamHandler.DECIMAL_TEXT);
        byte[] huge = "200000000000000000000000000".getBytes(StandardCharsets.UTF_8);
        out.writeInt(huge.length);
        out.write(huge);
        out.writeByte(RowStreamHandler.STRING);
        byte[] sued = "Süd".getBytes(StandardCharsets.UTF_8);
        out.writeInt(sued.length);
        out.write(sued);
        out.writeByte(RowStreamHandler.CHAR);
        out.writeChar('x');
        out.writeByte(RowStreamHandler.BYTES);
        out.writeInt(3);
        out.write(new byte[] {1, 2, 3});
        assertThat(buffer.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void theBufferIsReusedFromFrameToFrame() {
        FrameBuffer buffer = new FrameBuffer();
        buffer.putLong(1L);
        buffer.clear();
        buffer.putInt(7);
        assertThat(buffer.size()).isEqualTo(4);
        assertThat(readInt(buffer.toByteArray(), 0)).isEqualTo(7);
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24)
                | ((bytes[at + 1] & 0xFF) << 16)
                | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }
}
