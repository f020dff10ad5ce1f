package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairs' columns on the heap and in memory-mapped files, across segment boundaries and growth. */
class LargeBufferTest {

    @TempDir
    Path folder;

    @Test
    void intsCrossSixteenByteSegmentsOfAMappedFile() {
        // 16-byte segments hold four ints each: 10 ints span three segments, the last one half used
        LargeBuffer buffer = LargeBuffer.mapped(40, 16, folder);

        for (int i = 0; i < 10; i++) {
            buffer.putInt(i, i * 1_000_003 - 7);
        }

        assertThat(buffer.mapped()).isTrue();
        assertThat(buffer.capacity()).isEqualTo(48);
        assertThat(buffer.getInt(3)).isEqualTo(3_000_002);
        assertThat(buffer.getInt(4)).isEqualTo(4_000_005);
        assertThat(buffer.getInt(9)).isEqualTo(9_000_020);
        assertThat(buffer.getInt(0)).isEqualTo(-7);
    }

    @Test
    void doublesLongsAndBytesKeepEveryBit() {
        LargeBuffer doubles = LargeBuffer.mapped(64, 16, folder);
        double[] values = {
            0.1, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -30.0, 2.659270001, Math.PI
        };
        for (int i = 0; i < values.length; i++) {
            doubles.putDouble(i, values[i]);
        }
        LargeBuffer longs = LargeBuffer.heap(24, 16);
        longs.putLong(0, Long.MIN_VALUE);
        longs.putLong(1, 1L << 32 | 7);
        longs.putLong(2, -1L);
        LargeBuffer bytes = LargeBuffer.mapped(40, 16, folder);
        for (int i = 0; i < 40; i++) {
            bytes.putByte(i, (byte) (i - 20));
        }

        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(doubles.getDouble(i)))
                    .isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
        assertThat(new long[] {longs.getLong(0), longs.getLong(1), longs.getLong(2)})
                .containsExactly(Long.MIN_VALUE, 4_294_967_303L, -1L);
        assertThat(bytes.getByte(0)).isEqualTo((byte) -20);
        assertThat(bytes.getByte(15)).isEqualTo((byte) -5);
        assertThat(bytes.getByte(16)).isEqualTo((byte) -4);
        assertThat(bytes.getByte(39)).isEqualTo((byte) 19);
    }

    @Test
    void aHeapBufferDoublesItsFirstSegmentThenAddsWholeSegmentsKeepingItsValues() {
        LargeBuffer buffer = LargeBuffer.heap(4, 32);
        assertThat(buffer.capacity()).isEqualTo(8);

        buffer.putInt(0, 11);
        buffer.putInt(1, 22);
        buffer.ensureCapacity(12);
        assertThat(buffer.capacity()).isEqualTo(16);
        buffer.putInt(3, 44);
        buffer.ensureCapacity(20);
        assertThat(buffer.capacity()).isEqualTo(32);
        buffer.ensureCapacity(33);
        assertThat(buffer.capacity()).isEqualTo(64);
        buffer.putInt(8, 99);
        buffer.ensureCapacity(200);
        assertThat(buffer.capacity()).isEqualTo(224);
        buffer.putInt(55, 555);

        assertThat(buffer.mapped()).isFalse();
        assertThat(new int[] {buffer.getInt(0), buffer.getInt(1), buffer.getInt(2), buffer.getInt(3)})
                .containsExactly(11, 22, 0, 44);
        assertThat(buffer.getInt(8)).isEqualTo(99);
        assertThat(buffer.getInt(55)).isEqualTo(555);
    }

    @Test
    void aMappedFileGrowsSegmentBySegmentUntilSealedAndLeavesNoFileBehind() throws Exception {
        LargeBuffer buffer = LargeBuffer.mapped(8, 16, folder);
        assertThat(buffer.capacity()).isEqualTo(16);
        for (int i = 0; i < 100; i++) {
            buffer.ensureCapacity(4L * (i + 1));
            buffer.putInt(i, 100 - i);
        }
        assertThat(buffer.capacity()).isEqualTo(400);

        buffer.seal();

        assertThat(files()).isEmpty();
        // the mapping outlives the file: still readable and writable
        assertThat(buffer.getInt(0)).isEqualTo(100);
        assertThat(buffer.getInt(99)).isEqualTo(1);
        buffer.putInt(99, -1);
        assertThat(buffer.getInt(99)).isEqualTo(-1);
        buffer.ensureCapacity(400);
        assertThatThrownBy(() -> buffer.ensureCapacity(401))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is sealed and cannot grow");
    }

    @Test
    void aWrappedArrayIsReadInPlace() {
        byte[] levels = {0, 2, -1, 4, 1};

        LargeBuffer buffer = LargeBuffer.wrap(levels);
        levels[1] = 3;

        assertThat(buffer.capacity()).isEqualTo(5);
        assertThat(new int[] {buffer.getByte(0), buffer.getByte(1), buffer.getByte(2), buffer.getByte(4)})
                .containsExactly(0, 3, -1, 1);
    }

    @Test
    void segmentsArePowersOfTwoOfAtLeastEightBytes() {
        assertThatThrownBy(() -> LargeBuffer.heap(8, 24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("segment size 24 is not a power of two >= 8");
        assertThatThrownBy(() -> LargeBuffer.heap(8, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStorageMapsColumnsAboveItsLimitOnly() {
        PairStorage storage = new PairStorage(1_000, 64, folder, 16);

        assertThat(storage.buffer(1_000).mapped()).isFalse();
        assertThat(storage.buffer(1_001).mapped()).isTrue();
        assertThat(PairStorage.heapOnly().buffer(1L << 30).mapped()).isFalse();
    }

    private java.util.List<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
