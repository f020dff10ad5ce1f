package io.salesbi.bench.night;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import io.salesbi.connectors.read.SourceFileReader;
import io.salesbi.pipeline.ingest.FileIngestor;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Why the night's ingest is slower than DuckDB's {@code read_csv}: on the largest CSV file of an inbox, the parts of
 * the night's work that the baseline does not do, each timed alone. The night fingerprints a file with sha-256
 * before reading it and again after (so that the recorded hash is the hash of the bytes loaded), checks the
 * encoding over the whole file, and parses and types every cell in Java on one thread (Commons CSV, then the
 * mapping's rules, so that a bad cell is quarantined with file, row, column and value) before DuckDB's appender
 * takes the row; the baseline lets DuckDB's native, multi-threaded CSV reader do all of it and drops bad rows. At
 * scale 100 the Java reader alone was faster than read_csv into the table (34 s against 59 s on 49.5 million
 * rows): what remains is the appender.
 */
public final class IngestBreakdown {

    /** The timings on one file, in seconds. */
    public record Result(String file, long bytes, long rows, double sha256, double javaRead, double readCsv) {}

    private IngestBreakdown() {}

    /** Times the parts on the largest CSV file in {@code inbox} (the bundled layout: one folder per mapping). */
    public static Result largest(Path inbox, List<SourceMapping> mappings, Path scratch) throws Exception {
        Path largest = null;
        SourceMapping mapping = null;
        for (SourceMapping m : mappings) {
            for (Path f : csvFilesOf(inbox.resolve(m.inbox()), m)) {
                if (largest == null || Files.size(f) > Files.size(largest)) {
                    largest = f;
                    mapping = m;
                }
            }
        }
        if (largest == null) {
            throw new IllegalArgumentException("no CSV file of a bundled mapping in " + inbox);
        }
        return of(largest, mapping, scratch);
    }

    /** Times the parts on {@code file}, read with {@code mapping}. */
    public static Result of(Path file, SourceMapping mapping, Path scratch) throws Exception {
        long t = System.nanoTime();
        FileIngestor.sha256(file);
        double sha = seconds(t);

        long[] rows = new long[1];
        t = System.nanoTime();
        SourceFileReader.forFile(file, mapping).read(file, mapping, new RowSink() {
            @Override
            public void accept(String sheet, long row, Object[] values) {
                rows[0]++;
            }

            @Override
            public void reject(RowRejection rejection) {
                // counted by the reader's summary; nothing to keep here
            }
        });
        double javaRead = seconds(t);

        Files.createDirectories(scratch);
        Path db = scratch.resolve("ingest-breakdown.duckdb");
        Files.deleteIfExists(db);
        double readCsv;
        try (Warehouse warehouse = Warehouse.open(db);
                Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            t = System.nanoTime();
            st.execute(DuckDbBaseline.insertFromReadCsv(mapping, file, 1));
            readCsv = seconds(t);
        }
        Files.deleteIfExists(db);
        return new Result(file.getFileName().toString(), Files.size(file), rows[0], sha, javaRead, readCsv);
    }

    /** The explanation, for the bench's output. */
    public static void print(PrintWriter out, Result r, double ingestSeconds, double baselineSeconds) {
        out.printf(
                Locale.ROOT,
                "%nWhy ingestFilesStep is %.2f x its baseline (%.1f s against %.1f s), timed alone on the largest file,"
                        + " %s (%,d MB, %,d rows):%n",
                ingestSeconds / baselineSeconds,
                ingestSeconds,
                baselineSeconds,
                r.file(),
                r.bytes() / 1024 / 1024,
                r.rows());
        out.printf(
                Locale.ROOT,
                "  sha-256 of the file                       %8.1f s  (the night hashes three times: before reading, after"
                        + " it, to prove the bytes loaded are the bytes hashed, and before archiving the file)%n",
                r.sha256());
        out.printf(
                Locale.ROOT,
                "  Java reader, no warehouse                 %8.1f s  (encoding check over the whole file, Commons CSV,"
                        + " every cell typed by the mapping's rules, one thread)%n",
                r.javaRead());
        out.printf(
                Locale.ROOT,
                "  DuckDB read_csv into the raw table        %8.1f s  (native, all cores, bad rows dropped silently)%n",
                r.readCsv());
        double javaVsReadCsv = r.javaRead() - r.readCsv();
        out.printf(
                Locale.ROOT,
                "  so reading and typing in Java is %.1f s %s than read_csv loading the same file, the three hashes"
                        + " add %.1f s, and the rest of the night's ingest is handing the typed rows to DuckDB (canonical"
                        + " CSV chunks that read_csv inserts while the next chunk is parsed) and the other files.%n",
                Math.abs(javaVsReadCsv),
                javaVsReadCsv >= 0 ? "slower" : "faster",
                3 * r.sha256());
        out.flush();
    }

    private static List<Path> csvFilesOf(Path dir, SourceMapping m) throws Exception {
        return DuckDbBaseline.filesOf(dir, m).stream()
                .filter(p -> m.format() == SourceMapping.FileFormat.CSV
                        || p.toString().endsWith(".csv"))
                .toList();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
