package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds out how a delivered CSV file is encoded and delimited, and refuses files that are not text at all:
 * an empty file, or binary data (a zip, an Excel file, an image) that someone renamed to .csv.
 */
final class CsvSniffer {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int HEAD_BYTES = 64 * 1024;
    private static final char[] DELIMITERS = {';', ',', '\t', '|'};
    /** Encodings a DOS export is mistaken for: each reads any byte, so only the words tell. */
    private static final Set<String> WESTERN_SINGLE_BYTE = Set.of("windows-1252", "ISO-8859-1", "ISO-8859-15");

    private CsvSniffer() {}

    static CsvLayout sniff(Path file, SourceMapping mapping) throws FileRejectedException, IOException {
        return sniff(file, mapping.encoding(), mapping.delimiter(), "mapping " + mapping.name());
    }

    /** The layout of a file given the declared encoding and delimiter, each null to detect it. */
    static CsvLayout sniff(Path file, Charset declaredCharset, Character declaredDelimiter)
            throws FileRejectedException, IOException {
        return sniff(file, declaredCharset, declaredDelimiter, "the reader");
    }

    /** {@code declaredBy} names who declared the encoding in messages, e.g. "mapping erp_debtors". */
    private static CsvLayout sniff(Path file, Charset declaredCharset, Character declaredDelimiter, String declaredBy)
            throws FileRejectedException, IOException {
        String name = file.getFileName().toString();
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw new FileRejectedException("empty", "File " + name + " is empty (0 bytes)");
        }
        List<String> warnings = new ArrayList<>();
        Charset bomCharset = bomCharset(head);
        int bomLength = bomCharset == null ? 0 : bomCharset == StandardCharsets.UTF_8 ? 3 : 2;
        if (bomCharset == null) {
            rejectBinary(name, head);
        }
        Charset charset = declaredCharset;
        if (bomCharset != null && charset != null && !charset.equals(bomCharset)) {
            warnings.add("the file starts with a " + bomCharset + " byte-order mark; read as " + bomCharset
                    + " instead of the mapping's " + charset);
            charset = bomCharset;
        } else if (charset == null) {
            charset = bomCharset != null
                    ? bomCharset
                    : Utf8Check.check(file) == Utf8Check.Result.INVALID ? WINDOWS_1252 : StandardCharsets.UTF_8;
        } else if (bomCharset == null
                && !charset.equals(StandardCharsets.UTF_8)
                && isSingleByte(charset)
                && Utf8Check.check(file) == Utf8Check.Result.UTF8) {
            warnings.add("the file is UTF-8, not " + charset + " as the mapping says; read as UTF-8");
            charset = StandardCharsets.UTF_8;
        }
        if (bomCharset == null) {
            charset = checkEncoding(file, declaredBy, declaredCharset, charset, head, warnings);
        }
        String text = new String(head, bomLength, head.length - bomLength, charset);
        if (text.isBlank() && Files.size(file) <= HEAD_BYTES) {
            throw new FileRejectedException(
                    "empty",
                    "File " + name + " contains no data, only " + (bomLength > 0 ? "a byte-order mark and " : "")
                            + "blank space");
        }
        char delimiter = declaredDelimiter != null ? declaredDelimiter : detectDelimiter(text, warnings);
        return new CsvLayout(charset, bomLength, delimiter, List.copyOf(warnings));
    }

    /**
     * Refuses a file whose bytes are not in the encoding its mapping declares, saying what they look like and where
     * that shows first; a file without a declared encoding that reads as a DOS code page is read as one, with a
     * warning.
     */
    private static Charset checkEncoding(
            Path file, String declaredBy, Charset declared, Charset charset, byte[] head, List<String> warnings)
            throws FileRejectedException, IOException {
        String name = file.getFileName().toString();
        if (StandardCharsets.UTF_8.equals(declared)) {
            Utf8Check.Scan scan = Utf8Check.scan(file);
            if (scan.result() == Utf8Check.Result.INVALID) {
                EncodingCheck.DosEvidence dos = EncodingCheck.dosCodePage(file);
                String detected = dos != null
                        ? "DOS code page 850/437 (IBM850; " + dos.describe() + ")"
                        : Objects.requireNonNullElse(EncodingCheck.icuGuess(head), "an encoding ICU cannot name");
                throw new FileRejectedException(
                        "encoding",
                        "File " + name + ": " + declaredBy
                                + " declares UTF-8, but line " + scan.line() + ", byte " + scan.column() + " ("
                                + EncodingCheck.hex(scan.value()) + ") is not valid UTF-8; the file looks like "
                                + detected
                                + ". Set 'encoding:' in the mapping to the file's encoding or ask the sender for UTF-8");
            }
            return charset;
        }
        if (!WESTERN_SINGLE_BYTE.contains(charset.name())) {
            return charset;
        }
        EncodingCheck.DosEvidence dos = EncodingCheck.dosCodePage(file);
        if (dos == null) {
            return charset;
        }
        if (declared != null) {
            throw new FileRejectedException(
                    "encoding",
                    "File " + name + ": " + declaredBy
                            + " declares " + declared.name() + ", but the file is in DOS code page 850/437 (IBM850): "
                            + dos.describe() + ". Set 'encoding: IBM850' in the mapping or ask the sender for "
                            + declared.name() + " or UTF-8");
        }
        warnings.add("the file is in DOS code page 850/437, not windows-1252 (" + dos.describe() + "); read as IBM850");
        return EncodingCheck.IBM850;
    }

    private static boolean isSingleByte(Charset charset) {
        return charset.newEncoder().maxBytesPerChar() == 1.0f;
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    private static Charset bomCharset(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** Text files have no NUL bytes and hardly any control characters; zips and Office files have magic numbers. */
    private static void rejectBinary(String name, byte[] head) throws FileRejectedException {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new FileRejectedException(
                    "not_text",
                    "File " + name
                            + " is a zip archive (perhaps an .xlsx saved under a .csv name), not a CSV text file");
        }
        if (head.length >= 4
                && (head[0] & 0xFF) == 0xD0
                && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new FileRejectedException(
                    "not_text",
                    "File " + name
                            + " is an OLE2 Office document (perhaps an .xls saved under a .csv name), not a CSV text file");
        }
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                throw new FileRejectedException(
                        "not_text", "File " + name + " contains binary data (NUL bytes), not CSV text");
            }
            if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        if (control > head.length / 100) {
            throw new FileRejectedException(
                    "not_text",
                    "File " + name + " contains binary data (" + control + " control characters in the first "
                            + head.length + " bytes), not CSV text");
        }
    }

    /** The candidate delimiter occurring most often outside quotes in the first non-blank line. */
    static char detectDelimiter(String text, List<String> warnings) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        boolean seenContent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                if (seenContent) {
                    break;
                }
            } else if (!quoted) {
                seenContent |= !Character.isWhitespace(c);
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        if (counts[best] == 0) {
            warnings.add("no delimiter found in the first line; read as a single column");
            return ',';
        }
        return DELIMITERS[best];
    }
}
