package io.salesbi.connectors.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * How a CSV file is laid out, as given by the mapping or detected.
 *
 * @param charset    the text encoding
 * @param bomLength  bytes of byte-order mark to skip at the start
 * @param delimiter  the field delimiter
 * @param warnings   what the detection wants a steward to know
 */
record CsvLayout(Charset charset, int bomLength, char delimiter, List<String> warnings) {

    /**
     * A parser over the file's records in this layout, past the byte-order mark; a byte that is not valid in the
     * charset fails the read instead of becoming a replacement character. Closing the parser closes the file.
     */
    CSVParser open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(bomLength);
            InputStreamReader reader = new InputStreamReader(
                    in,
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            CSVFormat format = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .get();
            return CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
