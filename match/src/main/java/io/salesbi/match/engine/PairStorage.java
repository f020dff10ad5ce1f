package io.salesbi.match.engine;

import java.nio.file.Path;

/**
 * Where the per-pair columns live: on the heap while they are small, in memory-mapped temporary files beyond a size,
 * so that a million records' 12 million pairs do not need the heap (issue #18 item 8). Also bounds the candidate
 * pairs held on the heap while blocking collects them; beyond that they are spilled to sorted runs on disk.
 *
 * @param mappedAbove    columns of more bytes than this are mapped from a file; 0 maps every column
 * @param segmentBytes   size of one mapped (or heap) segment, a power of two
 * @param directory      where the temporary files are made
 * @param blockingMemory most candidate pairs (8 bytes each) held on the heap while blocking; more are spilled
 */
record PairStorage(long mappedAbove, int segmentBytes, Path directory, int blockingMemory) {

    /** 32 MB columns and 4 million proposed pairs (32 MB) held while blocking, in the system's temporary folder. */
    static PairStorage defaults() {
        return new PairStorage(
                32L << 20, LargeBuffer.DEFAULT_SEGMENT_BYTES, Path.of(System.getProperty("java.io.tmpdir")), 1 << 22);
    }

    /** Everything on the heap, as before item 8: for tests that compare the two. */
    static PairStorage heapOnly() {
        return new PairStorage(Long.MAX_VALUE, LargeBuffer.DEFAULT_SEGMENT_BYTES, null, Integer.MAX_VALUE);
    }

    /** A column mapped from a file whatever its size, growable until sealed. */
    LargeBuffer mappedBuffer(long bytes) {
        return LargeBuffer.mapped(bytes, segmentBytes, directory);
    }

    /** A column for the given number of bytes, growable. */
    LargeBuffer buffer(long bytes) {
        return bytes > mappedAbove
                ? LargeBuffer.mapped(bytes, segmentBytes, directory)
                : LargeBuffer.heap(bytes, segmentBytes);
    }
}
