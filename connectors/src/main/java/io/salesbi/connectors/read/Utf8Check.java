package io.salesbi.connectors.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks in one streaming pass whether a file is valid UTF-8; the deciding test between UTF-8 and Windows-1252. */
final class Utf8Check {

    /** What the bytes are: plain ASCII (valid in both), UTF-8 with multi-byte characters, or not UTF-8. */
    enum Result { ASCII, UTF8, INVALID }

    private static final int BUFFER = 64 * 1024;

    private Utf8Check() {
    }

    static Result check(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int pending = 0;
            boolean multiByte = false;
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    int b = buffer[i] & 0xFF;
                    if (pending > 0) {
                        if ((b & 0xC0) != 0x80) {
                            return Result.INVALID;
                        }
                        pending--;
                    } else if (b >= 0x80) {
                        multiByte = true;
                        if (b >= 0xC2 && b <= 0xDF) {
                            pending = 1;
                        } else if (b >= 0xE0 && b <= 0xEF) {
                            pending = 2;
                        } else if (b >= 0xF0 && b <= 0xF4) {
                            pending = 3;
                        } else {
                            return Result.INVALID;
                        }
                    }
                }
            }
            if (pending != 0) {
                return Result.INVALID;
            }
            return multiByte ? Result.UTF8 : Result.ASCII;
        }
    }
}
