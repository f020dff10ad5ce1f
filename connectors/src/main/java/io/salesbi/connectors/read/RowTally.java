package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what a reader hands to the sink and closes a file: delivered = accepted + rejected, the reject-ratio check
 * and the one summary line per file.
 */
final class RowTally {

    private static final Logger log = LoggerFactory.getLogger(RowTally.class);

    private final String fileName;
    private final String sheet;
    private final SourceMapping mapping;
    private final RowSink sink;
    private final List<String> warnings = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private long delivered;
    private long accepted;
    private long rejected;
    private long lastRejectedRow = -1;

    RowTally(String fileName, String sheet, SourceMapping mapping, RowSink sink) {
        this.fileName = fileName;
        this.sheet = sheet;
        this.mapping = mapping;
        this.sink = sink;
    }

    void delivered() {
        delivered++;
    }

    void accept(long row, Object[] values) {
        accepted++;
        try {
            sink.accept(sheet, row, values);
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    /**
     * A row with rejected cells handed on all the same (bad cells empty), for a mapping whose row filter runs in
     * DuckDB: a total row the filter drops must not end in quarantine. It does not count as accepted.
     */
    void passOnRejected(long row, Object[] values) {
        try {
            sink.accept(sheet, row, values);
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    /** One failing cell (or whole row when {@code column} is null); a row counts once however many cells fail. */
    void reject(long row, String column, String rawValue, String rule, String message) {
        try {
            sink.reject(new RowRejection(fileName, sheet, row, column, rawValue, rule, message));
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
        if (row != lastRejectedRow) {
            rejected++;
            lastRejectedRow = row;
        }
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** The summary of the file; throws {@code reject_ratio} when too many rows were bad. */
    ReadSummary finish(HeaderBinding binding) throws FileRejectedException {
        if (!binding.unknownColumns().isEmpty() && mapping.unknownColumns() == SourceMapping.UnknownColumns.WARN) {
            warnings.add("columns not in mapping " + mapping.name() + " were ignored: " + binding.unknownColumns());
        }
        if (!binding.missingColumns().isEmpty()) {
            warnings.add("optional columns missing, loaded as empty: " + binding.missingColumns());
        }
        if (delivered == 0) {
            warnings.add("the file has a header but no data rows");
        }
        ReadSummary summary = new ReadSummary(
                delivered,
                accepted,
                rejected,
                binding.unknownColumns(),
                binding.missingColumns(),
                List.copyOf(warnings));
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        log.info(
                "Read {}{} with mapping {}: {} rows delivered, {} accepted, {} rejected in {} ms{}",
                fileName,
                sheet == null ? "" : " [" + sheet + "]",
                mapping.name(),
                delivered,
                accepted,
                rejected,
                millis,
                warnings.isEmpty() ? "" : "; warnings: " + warnings);
        double ratio = delivered == 0 ? 0 : (double) rejected / delivered;
        // with a row filter or computed fields, rows are counted after DuckDB has dropped and computed them
        if (ratio > mapping.maxRejectRatio() && !mapping.computedInSql()) {
            throw new FileRejectedException(
                    "reject_ratio",
                    String.format(
                            Locale.ROOT,
                            "File %s: %d of %d rows (%.1f %%) were rejected, more than the %.1f %% allowed by mapping %s",
                            fileName,
                            rejected,
                            delivered,
                            ratio * 100,
                            mapping.maxRejectRatio() * 100,
                            mapping.name()));
        }
        return summary;
    }
}
