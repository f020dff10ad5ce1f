package io.salesbi.connectors.read;

import java.nio.charset.Charset;
import java.util.List;

/**
 * How a CSV file is laid out, as given by the mapping or detected.
 *
 * @param charset    the text encoding
 * @param bomLength  bytes of byte-order mark to skip at the start
 * @param delimiter  the field delimiter
 * @param warnings   what the detection wants a steward to know
 */
record CsvLayout(Charset charset, int bomLength, char delimiter, List<String> warnings) {
}
