package io.salesbi.match.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A growable set of primitive longs in the making: candidate pairs encoded as (a << 32 | b). The same pair is
 * proposed by every key its records share (name, postcode, phone ...), so when the array is full its values are
 * first sorted and made distinct in place, and the array grows only when that frees less than half of it. Memory
 * then stays within about four times the distinct pairs, however often each is proposed. Sorting is in place
 * (no parallel merge buffer), so compaction needs no second array.
 *
 * <p>With a limit, the array never grows beyond it: a full array that compaction does not free is written to a
 * temporary file as a sorted run and emptied, and the distinct values are read back by merging the runs (issue #18
 * item 8: at a million records the pairs alone outgrew the default heap while they were collected).
 */
final class LongList {

    private final int limit;
    private final Path directory;
    private long[] items = new long[1024];
    private int size;
    private FileChannel runFile;
    private final List<long[]> runs = new ArrayList<>(); // {first value's index in the file, value count}
    private long written;

    /** Without a limit: everything stays on the heap. */
    LongList() {
        this(Integer.MAX_VALUE, null);
    }

    /** At most {@code limit} values on the heap; beyond them sorted runs in a temporary file in the directory. */
    LongList(int limit, Path directory) {
        if (limit < 2) {
            throw new IllegalArgumentException("a limit of " + limit + " values leaves no room to compact");
        }
        this.limit = limit;
        this.directory = directory;
        items = new long[Math.min(1024, limit)];
    }

    void add(long value) {
        if (size == items.length) {
            compact();
            if (size > items.length / 2) {
                if (items.length < limit) {
                    items = Arrays.copyOf(items, (int) Math.min(limit, (long) items.length * 2));
                } else {
                    spill();
                }
            }
        }
        items[size++] = value;
    }

    /** Values held on the heap now (after compaction or spilling, fewer than were added). */
    int size() {
        return size;
    }

    /** Sorted runs written to disk so far. */
    int runCount() {
        return runs.size();
    }

    /** True when runs were written to disk. */
    boolean spilled() {
        return !runs.isEmpty();
    }

    /** The distinct values in ascending order; only for a list that never spilled. */
    long[] sortedDistinct() {
        if (spilled()) {
            throw new IllegalStateException("the list spilled " + runs.size() + " runs to disk: read it in order");
        }
        compact();
        long[] distinct = Arrays.copyOf(items, size);
        items = new long[0];
        size = 0;
        return distinct;
    }

    /**
     * Passes every distinct value in ascending order to the consumer, merging the runs on disk when there are any,
     * and empties the list.
     */
    void forEachSortedDistinct(LongConsumer consumer) {
        if (!spilled()) {
            for (long value : sortedDistinct()) {
                consumer.accept(value);
            }
            return;
        }
        if (size > 0) {
            compact();
            spill();
        }
        items = new long[0];
        try {
            merge(consumer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the candidate pairs back from disk: " + e.getMessage(), e);
        } finally {
            runs.clear();
            close();
        }
    }

    private void compact() {
        Arrays.sort(items, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || items[i] != items[i - 1]) {
                items[distinct++] = items[i];
            }
        }
        size = distinct;
    }

    /** Writes the (compacted) values as one sorted run and empties the array. */
    private void spill() {
        try {
            if (runFile == null) {
                Path file = Files.createTempFile(directory, "salesbi-pairs-", ".runs");
                runFile = FileChannel.open(
                        file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            }
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
            for (int i = 0; i < size; i++) {
                if (!chunk.hasRemaining()) {
                    write(chunk);
                }
                chunk.putLong(items[i]);
            }
            write(chunk);
            runs.add(new long[] {written, size});
            written += size;
            size = 0;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(
                    "cannot spill " + size + " candidate pairs to " + directory + ": " + e.getMessage(), e);
        }
    }

    private void write(ByteBuffer chunk) throws IOException {
        chunk.flip();
        while (chunk.hasRemaining()) {
            runFile.write(chunk);
        }
        chunk.clear();
    }

    /** K-way merge of the runs through a binary heap of run cursors, equal values passed once. */
    private void merge(LongConsumer consumer) throws IOException {
        int count = runs.size();
        int bufferBytes = (int) Math.max(1 << 13, Math.min(1 << 20, (32L << 20) / count)) & ~7;
        RunCursor[] cursors = new RunCursor[count];
        int[] heap = new int[count];
        int heapSize = 0;
        for (int r = 0; r < count; r++) {
            cursors[r] = new RunCursor(runs.get(r)[0] * 8, runs.get(r)[1], bufferBytes);
            if (cursors[r].advance()) {
                heap[heapSize++] = r;
                siftUp(heap, heapSize - 1, cursors);
            }
        }
        boolean first = true;
        long last = 0;
        while (heapSize > 0) {
            RunCursor top = cursors[heap[0]];
            long value = top.head;
            if (first || value != last) {
                consumer.accept(value);
                last = value;
                first = false;
            }
            if (!top.advance()) {
                heap[0] = heap[--heapSize];
            }
            siftDown(heap, heapSize, cursors);
        }
    }

    private static void siftUp(int[] heap, int index, RunCursor[] cursors) {
        int item = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (cursors[heap[parent]].head <= cursors[item].head) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = item;
    }

    private static void siftDown(int[] heap, int heapSize, RunCursor[] cursors) {
        if (heapSize == 0) {
            return;
        }
        int index = 0;
        int item = heap[0];
        while (true) {
            int child = 2 * index + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && cursors[heap[child + 1]].head < cursors[heap[child]].head) {
                child++;
            }
            if (cursors[heap[child]].head >= cursors[item].head) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = item;
    }

    private void close() {
        if (runFile != null) {
            try {
                runFile.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the candidate pairs' run file: " + e.getMessage(), e);
            } finally {
                runFile = null;
            }
        }
    }

    /** Reads one sorted run of the file a buffer at a time. */
    private final class RunCursor {
        private final ByteBuffer buffer;
        private long position;
        private long remaining;
        long head;

        RunCursor(long position, long count, int bufferBytes) {
            this.position = position;
            this.remaining = count;
            this.buffer = ByteBuffer.allocate(bufferBytes).order(ByteOrder.nativeOrder());
            buffer.limit(0);
        }

        /** Moves to the next value of the run; false when the run is done. */
        boolean advance() throws IOException {
            if (!buffer.hasRemaining()) {
                if (remaining == 0) {
                    return false;
                }
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), remaining * 8));
                while (buffer.hasRemaining()) {
                    int read = runFile.read(buffer, position);
                    if (read < 0) {
                        throw new IOException("the run file ends " + remaining + " values early");
                    }
                    position += read;
                }
                remaining -= buffer.limit() / 8;
                buffer.flip();
            }
            head = buffer.getLong();
            return true;
        }
    }
}
