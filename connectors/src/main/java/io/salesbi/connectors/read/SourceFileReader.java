package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping;
import java.nio.file.Path;

/**
 * Reads one delivered file according to its source mapping and streams typed rows and rejections to a sink.
 * Implementations never hold a whole workbook in memory.
 */
public interface SourceFileReader {

    /**
     * Reads {@code file}. Throws when the file as a whole cannot be loaded; row-level problems go to the sink.
     * The reject-ratio threshold of the mapping is checked at the end: above it, a {@link FileRejectedException}
     * with reason {@code reject_ratio} is thrown after all rows were streamed (callers roll back).
     */
    ReadSummary read(Path file, SourceMapping mapping, RowSink sink) throws FileRejectedException;

    /** The reader for a file, chosen by the mapping's format or else the file extension. */
    static SourceFileReader forFile(Path file, SourceMapping mapping) {
        return SourceFileReaders.forFile(file, mapping);
    }
}
