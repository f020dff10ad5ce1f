package io.salesbi.connectors.read;

/**
 * Limits that protect the pipeline from hostile or broken files.
 *
 * @param headerScanRows     rows searched for the header when the mapping does not give its row
 * @param maxZipEntryBytes   xlsx: the largest uncompressed part (sheet, shared strings) accepted
 * @param minInflateRatio    xlsx: compressed/uncompressed below this is taken for a zip bomb
 * @param maxXlsBytes        xls: the largest legacy workbook accepted
 * @param maxSharedStringsBytes xlsx: the largest shared-strings part accepted; it is the one part held in memory
 */
public record ReaderSettings(
        int headerScanRows,
        long maxZipEntryBytes,
        double minInflateRatio,
        long maxXlsBytes,
        long maxSharedStringsBytes) {

    /** Generous for office files, far below what would exhaust a 256 MB heap for the streaming readers. */
    public static ReaderSettings defaults() {
        return new ReaderSettings(30, 2L * 1024 * 1024 * 1024, 0.005, 64L * 1024 * 1024, 64L * 1024 * 1024);
    }
}
