package io.salesbi.connectors.read;

import java.util.List;

/**
 * What reading one file gave: rows delivered = rows accepted + rows rejected.
 *
 * @param rowsDelivered  data rows in the file (after the header, excluding entirely empty rows)
 * @param rowsAccepted   rows passed to {@link RowSink#accept}
 * @param rowsRejected   distinct rows with at least one {@link RowSink#reject}
 * @param unknownColumns headers in the file that the mapping does not name
 * @param missingColumns optional mapped columns that the file lacks
 * @param warnings       other notes for the steward
 */
public record ReadSummary(
        long rowsDelivered,
        long rowsAccepted,
        long rowsRejected,
        List<String> unknownColumns,
        List<String> missingColumns,
        List<String> warnings) {}
