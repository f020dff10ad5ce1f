package io.salesbi.pipeline.ingest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the inbox routes read and move files, and how long they wait.
 *
 * @param fileSettleMillis a file is taken once unchanged this long
 * @param drainTimeout     the most the ingest step waits for the inbox to be worked off
 */
public record InboxSettings(Path inbox, Path archive, Path error, long fileSettleMillis, Duration drainTimeout) {
}
