package io.salesbi.connectors.read;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells what a text file's bytes look like when they are not what they are read as. ICU4J's {@link CharsetDetector}
 * names the likely encoding among those it knows (UTF-8, ISO-8859-x, windows-125x, ...). It does not know the DOS
 * code pages 437 and 850 that older ERP exports still write, and reads them as windows-1252 or ISO-8859-1; those
 * are told here by the letters of a word: ä ö ü Ä Ö Ü É sit at bytes 0x80-0x9F, which windows-1252 reads as
 * low or closing quotes and undefined codes (M„rz, K”ln, M?ller) that never stand between two letters of a
 * word. The windows-1252 marks that do join words (’ ‘ – — … ™) are not counted, so "O’Brien" stays
 * windows-1252.
 */
final class EncodingCheck {

    /** DOS Latin-1; for the letters of German, French and Spanish words the same bytes as DOS code page 437. */
    static final Charset IBM850 = Charset.forName("IBM850");

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_LINE_BYTES = 4096;
    private static final boolean[] DOS_LETTER = letters(IBM850);
    private static final boolean[] WINDOWS_LETTER = letters(CsvSniffer.WINDOWS_1252);
    private static final boolean[] DOS_ONLY_IN_WORD = dosOnlyInWord();

    /**
     * The first byte read as a letter inside a word in IBM850 but as something else in windows-1252.
     *
     * @param asWindows the word as windows-1252 reads it
     * @param asDos     the word as IBM850 reads it
     */
    record DosEvidence(long line, long column, int value, String asWindows, String asDos) {

        String describe() {
            return "line " + line + ", byte " + column + " is " + hex(value) + ": '" + asWindows
                    + "' in windows-1252, '" + asDos + "' in IBM850";
        }
    }

    private EncodingCheck() {}

    static String hex(int value) {
        return String.format(java.util.Locale.ROOT, "0x%02X", value);
    }

    /**
     * Where the file reads as DOS code page 850/437 text rather than windows-1252, when such places outnumber
     * the places that read as words only in windows-1252; null when the file does not look like a DOS export.
     */
    static DosEvidence dosCodePage(Path file) throws IOException {
        Scan scan = new Scan();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                scan.next(buffer, n);
            }
        }
        scan.end();
        return scan.dos > scan.windows ? scan.evidence() : null;
    }

    /** ICU4J's best guess for {@code head}, such as {@code ISO-8859-1 (de, confidence 41 %)}; null if none. */
    static String icuGuess(byte[] head) {
        CharsetMatch match = new CharsetDetector().setText(head).detect();
        if (match == null) {
            return null;
        }
        String language = match.getLanguage();
        return match.getName() + " (" + (language == null ? "" : language + ", ") + "ICU confidence "
                + match.getConfidence() + " %)";
    }

    /**
     * One pass over the bytes, looking at each byte with its neighbours. A tight loop over each buffer with the state
     * in locals (an export of several gigabytes is scanned before it is read): an ASCII byte costs a comparison, a
     * store into the line buffer and a counter.
     */
    private static final class Scan {
        private int previous = -1;
        private int current = -1;
        private long line = 1;
        private long column;
        private final byte[] lineBytes = new byte[MAX_LINE_BYTES];
        private int lineLength;
        private long dos;
        private long windows;
        private long firstLine;
        private long firstColumn;
        private int firstValue;
        private byte[] firstLineBytes;

        /** Looks at the bytes {@code buffer[0..n)}, each with the byte before and after it. */
        void next(byte[] buffer, int n) {
            int prev = previous;
            int cur = current;
            for (int i = 0; i < n; i++) {
                int following = buffer[i] & 0xFF;
                if (cur >= 0) {
                    if (cur == '\n') {
                        endLine();
                    } else {
                        column++;
                        if (lineLength < MAX_LINE_BYTES) {
                            lineBytes[lineLength++] = (byte) cur;
                        }
                        if (cur >= 0x80 && prev >= 0) {
                            look(prev, cur, following);
                        }
                    }
                }
                prev = cur;
                cur = following;
            }
            previous = prev;
            current = cur;
        }

        /** The last byte, which has no byte after it. */
        void end() {
            if (current >= 0 && current != '\n') {
                column++;
                if (lineLength < MAX_LINE_BYTES) {
                    lineBytes[lineLength++] = (byte) current;
                }
            }
            previous = current;
            current = -1;
        }

        private void look(int before, int at, int following) {
            if (DOS_ONLY_IN_WORD[at] && DOS_LETTER[before] && DOS_LETTER[following]) {
                if (dos++ == 0) {
                    firstLine = line;
                    firstColumn = column;
                    firstValue = at;
                }
            } else if (WINDOWS_LETTER[at] && !DOS_LETTER[at] && WINDOWS_LETTER[before] && WINDOWS_LETTER[following]) {
                windows++;
            }
        }

        private void endLine() {
            if (dos > 0 && firstLineBytes == null) {
                firstLineBytes = java.util.Arrays.copyOf(lineBytes, lineLength);
            }
            lineLength = 0;
            line++;
            column = 0;
        }

        DosEvidence evidence() {
            byte[] bytes = firstLineBytes != null ? firstLineBytes : java.util.Arrays.copyOf(lineBytes, lineLength);
            int at = (int) Math.min(firstColumn - 1, bytes.length - 1);
            int from = at;
            while (from > 0 && DOS_LETTER[bytes[from - 1] & 0xFF]) {
                from--;
            }
            int to = at + 1;
            while (to < bytes.length && DOS_LETTER[bytes[to] & 0xFF]) {
                to++;
            }
            return new DosEvidence(
                    firstLine,
                    firstColumn,
                    firstValue,
                    new String(bytes, from, to - from, CsvSniffer.WINDOWS_1252),
                    new String(bytes, from, to - from, IBM850));
        }
    }

    /** Bytes 0x80-0x9F that IBM850 reads as a letter and windows-1252 as a mark that never joins two letters. */
    private static boolean[] dosOnlyInWord() {
        boolean[] only = new boolean[256];
        for (int b = 0x80; b <= 0x9F; b++) {
            only[b] = DOS_LETTER[b] && !WINDOWS_LETTER[b];
        }
        for (int joiner : new int[] {0x85, 0x91, 0x92, 0x96, 0x97, 0x99}) {
            only[joiner] = false;
        }
        return only;
    }

    private static boolean[] letters(Charset charset) {
        boolean[] letters = new boolean[256];
        for (int b = 0; b < 256; b++) {
            String c = new String(new byte[] {(byte) b}, charset);
            letters[b] = c.length() == 1 && Character.isLetter(c.charAt(0));
        }
        return letters;
    }
}
