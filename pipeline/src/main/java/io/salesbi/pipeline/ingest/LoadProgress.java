package io.salesbi.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of one long file load for the terminal and the run log: rows so far, rows/s and, for text files, the
 * expected time left (the rows estimated from the first megabyte). Reports at
 * most every {@code intervalMillis}.
 */
final class LoadProgress {

    private static final Logger log = LoggerFactory.getLogger(LoadProgress.class);
    private static final long INTERVAL_MILLIS = 2_000;
    private static final long SAMPLE_BYTES = 1 << 20;

    private final String file;
    private final long expectedRows;
    private final long started = System.nanoTime();
    private long nextReport = System.nanoTime() + INTERVAL_MILLIS * 1_000_000;

    private LoadProgress(String file, long expectedRows) {
        this.file = file;
        this.expectedRows = expectedRows;
    }

    /** For {@code .csv}/{@code .txt} files the data lines are estimated first; other formats report without an ETA. */
    static LoadProgress of(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        long expected = -1;
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            try {
                expected = Math.max(0, countLines(path) - 1);
            } catch (IOException e) {
                expected = -1;
            }
        }
        return new LoadProgress(name, expected);
    }

    /** Called per row; cheap unless a report is due. */
    void row(long rowsSoFar) {
        if ((rowsSoFar & 0x3FFF) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now < nextReport) {
            return;
        }
        nextReport = now + INTERVAL_MILLIS * 1_000_000;
        double seconds = (now - started) / 1e9;
        double rate = rowsSoFar / seconds;
        if (expectedRows > 0) {
            long left = Math.max(0, expectedRows - rowsSoFar);
            log.info(
                    "{}: {} of ~{} rows, {} rows/s, about {} s left",
                    file,
                    String.format(Locale.ROOT, "%,d", rowsSoFar),
                    String.format(Locale.ROOT, "%,d", expectedRows),
                    String.format(Locale.ROOT, "%,.0f", rate),
                    String.format(Locale.ROOT, "%.0f", left / Math.max(rate, 1)));
        } else {
            log.info(
                    "{}: {} rows, {} rows/s",
                    file,
                    String.format(Locale.ROOT, "%,d", rowsSoFar),
                    String.format(Locale.ROOT, "%,.0f", rate));
        }
    }

    /**
     * The file's lines, estimated from its first megabyte (lines per byte times the size): an estimate for the time
     * left, without a pass over a file of gigabytes (counting every line cost 1 s per 350 MB before each load).
     */
    private static long countLines(Path path) throws IOException {
        long size = Files.size(path);
        long lines = 0;
        long read = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; read < SAMPLE_BYTES && (n = in.read(buffer)) > 0; read += n) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return read >= size ? lines : Math.round((double) lines * size / Math.max(read, 1));
    }
}
