package io.salesbi.pipeline.ingest;

/**
 * What became of one delivered file.
 *
 * @param status        LOADED, DUPLICATE (same content loaded before, maybe under another name) or FAILED
 * @param reasonCode    for FAILED: a stable code such as corrupt, missing_column, reject_ratio, no_mapping
 * @param message       for FAILED and DUPLICATE: a sentence for the data steward
 * @param rowsFiltered  rows dropped by the mapping's row filter (totals, subtotals):
 *                      delivered = loaded + rejected + filtered + suppressed
 * @param rowsSuppressed rows dropped because they hold a person on the suppression list (erased earlier)
 */
public record FileLoadResult(
        long loadId,
        String source,
        String fileName,
        String fileHash,
        Status status,
        long rowsDelivered,
        long rowsLoaded,
        long rowsRejected,
        String reasonCode,
        String message,
        long rowsFiltered,
        long rowsSuppressed) {

    /** A file with no rows suppressed. */
    public FileLoadResult(
            long loadId,
            String source,
            String fileName,
            String fileHash,
            Status status,
            long rowsDelivered,
            long rowsLoaded,
            long rowsRejected,
            String reasonCode,
            String message,
            long rowsFiltered) {
        this(
                loadId,
                source,
                fileName,
                fileHash,
                status,
                rowsDelivered,
                rowsLoaded,
                rowsRejected,
                reasonCode,
                message,
                rowsFiltered,
                0);
    }

    /** A file with no rows filtered. */
    public FileLoadResult(
            long loadId,
            String source,
            String fileName,
            String fileHash,
            Status status,
            long rowsDelivered,
            long rowsLoaded,
            long rowsRejected,
            String reasonCode,
            String message) {
        this(
                loadId,
                source,
                fileName,
                fileHash,
                status,
                rowsDelivered,
                rowsLoaded,
                rowsRejected,
                reasonCode,
                message,
                0);
    }

    public enum Status {
        LOADED,
        DUPLICATE,
        FAILED
    }
}
