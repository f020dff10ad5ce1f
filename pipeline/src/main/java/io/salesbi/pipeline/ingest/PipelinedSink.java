package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Hands a reader's rows to another sink on a thread of its own, in batches and in file order, so that parsing a file
 * (this thread) and writing its rows for DuckDB (the other thread) use both cores. The target is created, fed,
 * completed (only when every row arrived) and closed on that thread. A failure of the target
 * reaches the reader at its next batch and again at {@link #finish()}; nothing is lost or reordered.
 */
final class PipelinedSink<T extends PipelinedSink.Completing> implements RowSink, AutoCloseable {

    /** A target told, on its own thread, when every row was handed to it (not when the file failed half way). */
    interface Completing extends RowSink, AutoCloseable {
        void complete() throws Exception;
    }

    /** Creates the target sink on the appending thread. */
    @FunctionalInterface
    interface Target<T> {
        T create() throws Exception;
    }

    private static final int BATCH_ROWS = 4096;
    private static final int BATCHES_IN_FLIGHT = 4;
    private static final List<Object> END = List.of();

    private final CompletableFuture<T> target = new CompletableFuture<>();
    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final Thread consumer;
    private volatile RuntimeException failure;
    private volatile boolean aborted;
    private List<Object> batch = new ArrayList<>(BATCH_ROWS);
    private boolean ended;

    private record Row(String sheet, long row, Object[] values) {}

    /** Starts the appending thread and waits until it created the target; rethrows what creating it threw. */
    PipelinedSink(Target<T> factory, String fileName) throws Exception {
        this.consumer = new Thread(() -> run(factory), "append " + fileName);
        this.consumer.setDaemon(true);
        this.consumer.start();
        try {
            target.get();
        } catch (ExecutionException e) {
            consumer.join();
            ended = true;
            throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void accept(String sheet, long row, Object[] values) {
        batch.add(new Row(sheet, row, values));
        handWhenFull();
    }

    @Override
    public void reject(RowRejection rejection) {
        batch.add(rejection);
        handWhenFull();
    }

    /**
     * Hands the batch on once it holds {@link #BATCH_ROWS} items, rows and rejections alike: the queue's bound is
     * then the bound of the memory in flight. (Counting only at accepted rows with {@code ==} let a rejection step
     * over the limit, after which the batch grew with the whole rest of the file: an out-of-memory at 6 million
     * rows of a 50-million-row export, issue #22.)
     */
    private void handWhenFull() {
        if (batch.size() >= BATCH_ROWS) {
            hand(batch);
            batch = new ArrayList<>(BATCH_ROWS);
        }
    }

    /** Waits until the target has every row and is closed; returns it, or rethrows its failure. */
    T finish() {
        if (!batch.isEmpty()) {
            hand(batch);
            batch = new ArrayList<>();
        }
        end();
        throwIfFailed();
        return target.join();
    }

    /** Stops the other thread without waiting for the remaining rows (the file failed); idempotent. */
    @Override
    public void close() {
        if (!ended) {
            aborted = true;
            queue.clear();
            end();
        }
    }

    private void end() {
        ended = true;
        put(END);
        try {
            consumer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending rows", e);
        }
    }

    private void hand(List<Object> rows) {
        throwIfFailed();
        put(rows);
    }

    private void put(List<Object> rows) {
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to the appender", e);
        }
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    private void run(Target<T> factory) {
        T sink;
        try {
            sink = factory.create();
        } catch (Throwable e) {
            target.completeExceptionally(e);
            return;
        }
        target.complete(sink);
        try (sink) {
            if (consume(sink) && failure == null) {
                sink.complete();
            }
        } catch (Exception e) {
            if (failure == null) {
                failure = e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    /** Hands the rows to the target until the end; true when the rows ended, false when the file was aborted. */
    private boolean consume(T sink) {
        try {
            for (List<Object> rows = queue.take(); rows != END; rows = queue.take()) {
                if (failure != null) {
                    continue; // keep draining, so the reader is never blocked on a full queue
                }
                try {
                    for (Object item : rows) {
                        if (item instanceof Row r) {
                            sink.accept(r.sheet(), r.row(), r.values());
                        } else {
                            sink.reject((RowRejection) item);
                        }
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    failure = new IllegalStateException("appending rows failed: " + e, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !aborted;
    }
}
