package io.salesbi.connectors.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks in one streaming pass whether a file is valid UTF-8; the deciding test between UTF-8 and Windows-1252. */
final class Utf8Check {

    /** What the bytes are: plain ASCII (valid in both), UTF-8 with multi-byte characters, or not UTF-8. */
    enum Result {
        ASCII,
        UTF8,
        INVALID
    }

    /**
     * The outcome of a scan; for INVALID, where the first byte that is not UTF-8 sits.
     *
     * @param line   1-based line of the first invalid byte (0 when valid)
     * @param column 1-based byte position of that byte in its line
     * @param value  the byte itself, 0-255
     */
    record Scan(Result result, long line, long column, int value) {}

    private static final int BUFFER = 64 * 1024;

    private Utf8Check() {}

    static Result check(Path file) throws IOException {
        return scan(file).result();
    }

    static Scan scan(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int pending = 0;
            boolean multiByte = false;
            long line = 1;
            long column = 0;
            long startLine = 0;
            long startColumn = 0;
            int startByte = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    int b = buffer[i] & 0xFF;
                    column++;
                    if (pending > 0) {
                        if ((b & 0xC0) != 0x80) {
                            return new Scan(Result.INVALID, startLine, startColumn, startByte);
                        }
                        pending--;
                    } else if (b >= 0x80) {
                        multiByte = true;
                        startLine = line;
                        startColumn = column;
                        startByte = b;
                        if (b >= 0xC2 && b <= 0xDF) {
                            pending = 1;
                        } else if (b >= 0xE0 && b <= 0xEF) {
                            pending = 2;
                        } else if (b >= 0xF0 && b <= 0xF4) {
                            pending = 3;
                        } else {
                            return new Scan(Result.INVALID, line, column, b);
                        }
                    } else if (b == '\n') {
                        line++;
                        column = 0;
                    }
                }
            }
            if (pending != 0) {
                return new Scan(Result.INVALID, startLine, startColumn, startByte);
            }
            return new Scan(multiByte ? Result.UTF8 : Result.ASCII, 0, 0, 0);
        }
    }
}
