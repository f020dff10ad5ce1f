package io.salesbi.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.connectors.read.RowRejection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelinedSinkTest {

    /** Records what arrives, and on which thread. */
    private static class Recording implements PipelinedSink.Completing {
        final List<String> events = new ArrayList<>();
        String createdOn;
        String completedOn;
        String closedOn;
        final List<String> threads = new ArrayList<>();
        long failAtRow = -1;

        @Override
        public void accept(String sheet, long row, Object[] values) {
            if (row == failAtRow) {
                throw new IllegalStateException("Cannot append row " + row + ": disk full");
            }
            events.add("row " + row + "=" + values[0]);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void reject(RowRejection rejection) {
            events.add("reject " + rejection.row());
        }

        @Override
        public void complete() {
            completedOn = Thread.currentThread().getName();
            events.add("complete");
        }

        @Override
        public void close() {
            closedOn = Thread.currentThread().getName();
        }

        Recording created() {
            createdOn = Thread.currentThread().getName();
            return this;
        }
    }

    @Test
    void everyRowAndRejectionArrivesInFileOrderOnTheAppenderThread() throws Exception {
        Recording target = new Recording();
        List<String> expected = new ArrayList<>();
        try (PipelinedSink<Recording> sink = new PipelinedSink<>(target::created, "orders.csv")) {
            for (long row = 2; row <= 10_001; row++) {
                if (row % 1000 == 0) {
                    sink.reject(new RowRejection(
                            "orders.csv", null, row, "quantity", "x", "not_a_number", "expected a number"));
                    expected.add("reject " + row);
                } else {
                    sink.accept(null, row, new Object[] {"v" + row});
                    expected.add("row " + row + "=v" + row);
                }
            }
            assertThat(sink.finish()).isSameAs(target);
        }
        expected.add("complete");
        assertThat(target.events).containsExactlyElementsOf(expected);
        assertThat(target.threads).containsOnly("append orders.csv");
        assertThat(target.createdOn).isEqualTo("append orders.csv");
        assertThat(target.completedOn).isEqualTo("append orders.csv");
        assertThat(target.closedOn).isEqualTo("append orders.csv");
    }

    /**
     * The memory in flight is bounded by the queue whatever mix of rows and rejections arrives: with the appender
     * stuck, the reader blocks after a few batches, also when a rejection fills a batch exactly (before the fix the
     * batch then grew with the whole rest of the file, an out-of-memory on a 50-million-row export).
     */
    @Test
    void theReaderBlocksAfterAFewBatchesWhenTheAppenderIsStuckAlsoWhenARejectionFillsABatch() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Recording target = new Recording() {
            @Override
            public void accept(String sheet, long row, Object[] values) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        java.util.concurrent.atomic.AtomicLong handed = new java.util.concurrent.atomic.AtomicLong();
        int rows = 200_000;
        try (PipelinedSink<Recording> sink = new PipelinedSink<>(target::created, "orders.csv")) {
            Thread reader = new Thread(() -> {
                for (long row = 1; row <= rows; row++) {
                    if (row % 4096 == 0) { // the 4096th item of the first batch is a rejection
                        sink.reject(new RowRejection("orders.csv", null, row, "q", "x", "not_a_number", "a number"));
                    } else {
                        sink.accept(null, row, new Object[] {row});
                    }
                    handed.incrementAndGet();
                }
            });
            reader.start();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (reader.getState() != Thread.State.WAITING && reader.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long inFlight = handed.get();
            release.countDown();
            reader.join();
            sink.finish();
            // queue of 4 batches + the batch being appended + the batch being filled
            assertThat(inFlight).isLessThanOrEqualTo(6L * 4096).isLessThan(rows);
        }
    }

    @Test
    void aFailingAppendReachesTheReaderWithItsMessage() {
        Recording target = new Recording();
        target.failAtRow = 5000;
        assertThatThrownBy(() -> {
                    try (PipelinedSink<Recording> sink = new PipelinedSink<>(target::created, "orders.csv")) {
                        for (long row = 1; row <= 100_000; row++) {
                            sink.accept(null, row, new Object[] {row});
                        }
                        sink.finish();
                    }
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot append row 5000: disk full");
        // the rows before the failure, and the target is not told to complete
        assertThat(target.events).hasSize(4999).doesNotContain("complete");
    }

    @Test
    void closingWithoutFinishingStopsTheAppenderThreadAndClosesTheTarget() throws Exception {
        Recording target = new Recording();
        PipelinedSink<Recording> sink = new PipelinedSink<>(target::created, "orders.csv");
        sink.accept(null, 1, new Object[] {"a"});
        sink.close();
        sink.close();
        assertThat(target.completedOn)
                .as("a file aborted half way is not completed")
                .isNull();
        assertThat(target.closedOn).isEqualTo("append orders.csv");
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("append orders.csv"));
    }

    @Test
    void aTargetThatCannotBeCreatedFailsTheConstructorWithItsException() {
        assertThatThrownBy(() -> new PipelinedSink<Recording>(
                        () -> {
                            throw new java.sql.SQLException(
                                    "Mapping 'erp_order_line' targets raw.nothing, which is not a raw table");
                        },
                        "orders.csv"))
                .isInstanceOf(java.sql.SQLException.class)
                .hasMessageContaining("not a raw table");
    }
}
