package io.salesbi.pipeline.ingest;

/**
 * What became of one delivered file.
 *
 * @param status        LOADED, DUPLICATE (same content loaded before, maybe under another name) or FAILED
 * @param reasonCode    for FAILED: a stable code such as corrupt, missing_column, reject_ratio, no_mapping
 * @param message       for FAILED and DUPLICATE: a sentence for the data steward
 */
public record FileLoadResult(long loadId, String source, String fileName, String fileHash, Status status,
                             long rowsDelivered, long rowsLoaded, long rowsRejected, String reasonCode,
                             String message) {

    public enum Status { LOADED, DUPLICATE, FAILED }
}
