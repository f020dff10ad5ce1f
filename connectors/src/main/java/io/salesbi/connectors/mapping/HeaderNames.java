package io.salesbi.connectors.mapping;

import java.util.Locale;

/** How header texts are compared: case-, space- and BOM-insensitively, so "Account  ID " matches "account id". */
public final class HeaderNames {

    private HeaderNames() {}

    /** The comparable form of a header text; null becomes the empty string. */
    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(header.length());
        boolean pendingSpace = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\uFEFF' || c == '\u200B') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
