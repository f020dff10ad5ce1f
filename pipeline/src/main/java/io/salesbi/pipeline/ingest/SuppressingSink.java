package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import io.salesbi.pipeline.privacy.Suppression;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops the rows of an erased person on their way to the raw table (a row whose e-mail, phone or name is on the
 * suppression list) and remembers them by sheet and row, so that their quarantined cells are dropped too and the file
 * counts them as suppressed. Runs on the reader's thread, before the rows are handed to the appending thread.
 */
final class SuppressingSink implements RowSink {

    private final RowSink target;
    private final Suppression suppression;
    private final Suppression.RowTest test;
    private final Set<String> suppressedRows = new HashSet<>();
    private long suppressedAccepted;

    SuppressingSink(RowSink target, Suppression suppression, Suppression.RowTest test) {
        this.target = target;
        this.suppression = suppression;
        this.test = test;
    }

    @Override
    public void accept(String sheet, long row, Object[] values) {
        if (test.suppressed(values)) {
            suppressedRows.add(key(sheet, row));
            suppressedAccepted++;
            return;
        }
        target.accept(sheet, row, values);
    }

    @Override
    public void reject(RowRejection rejection) {
        target.reject(rejection);
    }

    /**
     * The rejections that stay: those of rows that were not suppressed and whose rejected value is not a listed
     * identifier. A row refused only for a listed value (an erased person's malformed e-mail) is suppressed as well.
     */
    List<RowRejection> keep(List<RowRejection> rejections) {
        Set<String> refusedForListed = new HashSet<>();
        for (RowRejection r : rejections) {
            if (!suppressedRows.contains(key(r.sheet(), r.row())) && suppression.listedAsAnything(r.rawValue())) {
                refusedForListed.add(key(r.sheet(), r.row()));
            }
        }
        suppressedRows.addAll(refusedForListed);
        return rejections.stream()
                .filter(r -> !suppressedRows.contains(key(r.sheet(), r.row())))
                .toList();
    }

    /** Rows dropped that the reader had accepted. */
    long suppressedAccepted() {
        return suppressedAccepted;
    }

    /** Every row dropped: accepted ones and those refused for a listed value; valid after {@link #keep}. */
    long suppressedRows() {
        return suppressedRows.size();
    }

    private static String key(String sheet, long row) {
        return (sheet == null ? "" : sheet) + '\u0000' + row;
    }
}
