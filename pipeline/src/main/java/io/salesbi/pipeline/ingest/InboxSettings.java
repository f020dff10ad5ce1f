package io.salesbi.pipeline.ingest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the inbox routes read and move files, how long they wait, and how a sender says a file is complete.
 *
 * @param fileSettleMillis a file is taken once unchanged this long
 * @param drainTimeout     the most the ingest step waits for the inbox to be worked off
 * @param readyMarker      the suffix of the marker file a sender writes once a file is complete (a file
 *                         {@code orders.csv} is then taken only beside {@code orders.csv.done}); null when files
 *                         are taken without a marker
 */
public record InboxSettings(
        Path inbox, Path archive, Path error, long fileSettleMillis, Duration drainTimeout, String readyMarker) {

    public InboxSettings {
        if (readyMarker != null && !readyMarker.startsWith(".")) {
            throw new IllegalArgumentException("a ready marker is a file suffix such as .done, was " + readyMarker);
        }
    }

    /** Files are taken without a marker, once they have stopped changing. */
    public InboxSettings(Path inbox, Path archive, Path error, long fileSettleMillis, Duration drainTimeout) {
        this(inbox, archive, error, fileSettleMillis, drainTimeout, null);
    }
}
