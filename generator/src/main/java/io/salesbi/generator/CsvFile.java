package io.salesbi.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file being written: RFC 4180 quoting (only where a value needs it), CRLF line ends, the source's delimiter
 * and encoding; counts the data rows. Characters the encoding cannot store become '?', as in real exports.
 */
final class CsvFile implements Closeable {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Writer out;
    private final char delimiter;
    private final StringBuilder line = new StringBuilder(256);
    private boolean started;
    private long rows;

    private CsvFile(Path path, Charset charset, boolean bom, char delimiter, String... header) throws IOException {
        this.delimiter = delimiter;
        Files.createDirectories(path.getParent());
        OutputStream stream = Files.newOutputStream(path);
        CharsetEncoder encoder = charset.newEncoder()
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .onMalformedInput(CodingErrorAction.REPLACE);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, encoder), 1 << 16);
        if (bom) {
            out.write('\uFEFF');
        }
        for (String h : header) {
            field(h);
        }
        endHeader();
    }

    /** The CRM's files: UTF-8 with BOM, comma. */
    static CsvFile crm(Path path, String... header) throws IOException {
        return new CsvFile(path, StandardCharsets.UTF_8, true, ',', header);
    }

    /** The ERP's files: Windows-1252, semicolon. */
    static CsvFile erp(Path path, String... header) throws IOException {
        return new CsvFile(path, WINDOWS_1252, false, ';', header);
    }

    /** Plain UTF-8 without BOM, comma (service desk export, truth files). */
    static CsvFile utf8(Path path, String... header) throws IOException {
        return new CsvFile(path, StandardCharsets.UTF_8, false, ',', header);
    }

    /** Appends one value to the current row, quoting it if it holds a delimiter, quote or line break. */
    CsvFile field(String value) {
        StringBuilder sb = raw();
        if (needsQuotes(value)) {
            sb.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(value);
        }
        return this;
    }

    /** Starts the next value and returns the row buffer to append it to: for numbers, dates and codes. */
    StringBuilder raw() {
        if (started) {
            line.append(delimiter);
        }
        started = true;
        return line;
    }

    void endRow() throws IOException {
        endHeader();
        rows++;
    }

    private void endHeader() throws IOException {
        line.append('\r').append('\n');
        out.append(line);
        line.setLength(0);
        started = false;
    }

    long rows() {
        return rows;
    }

    private boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
