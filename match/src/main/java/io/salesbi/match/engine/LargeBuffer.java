package io.salesbi.match.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A growable column of fixed-width values (bytes, ints, longs or doubles, one kind per buffer, addressed by element
 * index) for the millions of candidate pairs, outside the Java heap when they are many: a temporary file mapped into
 * memory in segments of a power-of-two size, so that no value straddles two segments and a column may exceed the
 * 2 GB of one {@link ByteBuffer}. The file is opened to be deleted on close (on Unix it is unlinked at once, so none
 * is left behind by a killed run), closed when the buffer is {@link #seal() sealed} (the mapping stays valid), and
 * its memory is returned when the buffer is garbage. Small columns stay on the heap: a single segment
 * that doubles as it grows, up to the segment size, then further whole segments.
 *
 * <p>Absolute reads and writes at distinct indices may run in parallel; growth may not.
 */
final class LargeBuffer {

    /** 64 MB: a segment is mapped (or allocated) whole; untouched pages of a mapped one cost no memory. */
    static final int DEFAULT_SEGMENT_BYTES = 1 << 26;

    private final int shift;
    private final long mask;
    private final int segmentBytes;
    private final Path file;
    private FileChannel channel;
    private ByteBuffer[] segments = new ByteBuffer[0];
    private long capacity;

    private LargeBuffer(int segmentBytes, Path file) {
        if (segmentBytes < 8 || Integer.bitCount(segmentBytes) != 1) {
            throw new IllegalArgumentException("segment size " + segmentBytes + " is not a power of two >= 8");
        }
        this.segmentBytes = segmentBytes;
        this.shift = Integer.numberOfTrailingZeros(segmentBytes);
        this.mask = segmentBytes - 1L;
        this.file = file;
    }

    /** A buffer of heap segments with room for at least the given bytes. */
    static LargeBuffer heap(long bytes, int segmentBytes) {
        LargeBuffer buffer = new LargeBuffer(segmentBytes, null);
        buffer.ensureCapacity(bytes);
        return buffer;
    }

    /** A buffer mapped from a new temporary file in the directory, with room for at least the given bytes. */
    static LargeBuffer mapped(long bytes, int segmentBytes, Path directory) {
        try {
            Path file = Files.createTempFile(directory, "salesbi-match-", ".bin");
            LargeBuffer buffer = new LargeBuffer(segmentBytes, file);
            buffer.channel = FileChannel.open(
                    file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            buffer.ensureCapacity(bytes);
            return buffer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the pair file in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A heap buffer over the array itself (not a copy), for bytes already computed. */
    static LargeBuffer wrap(byte[] bytes) {
        int size = Integer.highestOneBit(Math.max(8, bytes.length - 1)) << 1;
        LargeBuffer buffer = new LargeBuffer(Math.max(8, size), null);
        buffer.segments = new ByteBuffer[] {ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder())};
        buffer.capacity = bytes.length;
        return buffer;
    }

    /** True when the values live in a mapped file, not on the heap. */
    boolean mapped() {
        return file != null;
    }

    /** Bytes that can be written without growing. */
    long capacity() {
        return capacity;
    }

    /** Grows the buffer to hold at least the given bytes, keeping what it holds. */
    void ensureCapacity(long bytes) {
        if (bytes <= capacity) {
            return;
        }
        if (file != null && channel == null) {
            throw new IllegalStateException("the pair file " + file + " is sealed and cannot grow");
        }
        int needed = (int) ((bytes + segmentBytes - 1) >>> shift);
        if (file == null && needed == 1) {
            // the first heap segment doubles until it reaches the segment size
            long size = Math.max(8, Math.max(capacity * 2, Long.highestOneBit(bytes - 1) << 1));
            size = Math.min(size, segmentBytes);
            ByteBuffer grown = ByteBuffer.allocate((int) size).order(ByteOrder.nativeOrder());
            if (segments.length == 1) {
                grown.put(0, segments[0], 0, (int) capacity);
            }
            segments = new ByteBuffer[] {grown};
            capacity = size;
            return;
        }
        int from = segments.length;
        if (from == 1 && segments[0].capacity() < segmentBytes) {
            ByteBuffer full = ByteBuffer.allocate(segmentBytes).order(ByteOrder.nativeOrder());
            full.put(0, segments[0], 0, segments[0].capacity());
            segments[0] = full;
        }
        segments = Arrays.copyOf(segments, needed);
        for (int s = from; s < needed; s++) {
            segments[s] = segment(s);
        }
        capacity = (long) needed * segmentBytes;
    }

    private ByteBuffer segment(int index) {
        if (file == null) {
            return ByteBuffer.allocate(segmentBytes).order(ByteOrder.nativeOrder());
        }
        try {
            return channel.map(FileChannel.MapMode.READ_WRITE, (long) index * segmentBytes, segmentBytes)
                    .order(ByteOrder.nativeOrder());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot map " + segmentBytes + " bytes at " + (long) index * segmentBytes + " of the pair file "
                            + file + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * No more growth: the file is closed and deleted, its mapped segments stay readable and writable until the
     * buffer is garbage. Nothing to do for a heap buffer.
     */
    void seal() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the pair file " + file + ": " + e.getMessage(), e);
        } finally {
            channel = null;
        }
    }

    byte getByte(long index) {
        return segments[(int) (index >>> shift)].get((int) (index & mask));
    }

    void putByte(long index, byte value) {
        segments[(int) (index >>> shift)].put((int) (index & mask), value);
    }

    int getInt(long index) {
        long offset = index << 2;
        return segments[(int) (offset >>> shift)].getInt((int) (offset & mask));
    }

    void putInt(long index, int value) {
        long offset = index << 2;
        segments[(int) (offset >>> shift)].putInt((int) (offset & mask), value);
    }

    long getLong(long index) {
        long offset = index << 3;
        return segments[(int) (offset >>> shift)].getLong((int) (offset & mask));
    }

    void putLong(long index, long value) {
        long offset = index << 3;
        segments[(int) (offset >>> shift)].putLong((int) (offset & mask), value);
    }

    double getDouble(long index) {
        long offset = index << 3;
        return segments[(int) (offset >>> shift)].getDouble((int) (offset & mask));
    }

    void putDouble(long index, double value) {
        long offset = index << 3;
        segments[(int) (offset >>> shift)].putDouble((int) (offset & mask), value);
    }
}
