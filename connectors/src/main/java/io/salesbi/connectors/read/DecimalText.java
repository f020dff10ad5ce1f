package io.salesbi.connectors.read;

import java.math.BigDecimal;

/**
 * Parses decimal numbers as German and English exports write them, by hand and without allocating for the
 * common case: {@code 1.234,56} (de), {@code 1,234.56} (en), a leading or a trailing minus ({@code 12,50-}, as SAP
 * writes it). Grouping separators must group exactly three digits, so {@code 1.5} under a German locale is an error
 * instead of silently becoming 15.
 */
final class DecimalText {

    private static final int MAX_LONG_DIGITS = 18;

    private final char decimalSeparator;
    private final char groupingSeparator;

    DecimalText(char decimalSeparator, char groupingSeparator) {
        this.decimalSeparator = decimalSeparator;
        this.groupingSeparator = groupingSeparator;
    }

    /** The number in {@code text} (already trimmed, not empty), or null when it is not a number. */
    BigDecimal parse(String text) {
        int start = 0;
        int end = text.length();
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+' || first == '\u2212') {
            negative = first != '+';
            start = 1;
        } else if (end > 1 && text.charAt(end - 1) == '-') {
            negative = true;
            end--;
        }
        long unscaled = 0;
        int significant = 0;
        int scale = -1;
        int group = 0;
        boolean grouped = false;
        boolean anyDigit = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                if (significant <= MAX_LONG_DIGITS) {
                    unscaled = unscaled * 10 + (c - '0');
                }
                if (scale >= 0) {
                    scale++;
                } else {
                    group++;
                }
            } else if (c == decimalSeparator && scale < 0) {
                if (grouped && group != 3) {
                    return null;
                }
                scale = 0;
            } else if (c == groupingSeparator && scale < 0) {
                if (grouped ? group != 3 : group < 1 || group > 3) {
                    return null;
                }
                grouped = true;
                group = 0;
            } else {
                return null;
            }
        }
        if (!anyDigit || grouped && scale < 0 && group != 3) {
            return null;
        }
        if (significant > MAX_LONG_DIGITS) {
            return slowParse(text, start, end, negative);
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    private BigDecimal slowParse(String text, int start, int end, boolean negative) {
        StringBuilder plain = new StringBuilder(end - start + 1);
        if (negative) {
            plain.append('-');
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == decimalSeparator) {
                plain.append('.');
            } else if (c != groupingSeparator) {
                plain.append(c);
            }
        }
        return new BigDecimal(plain.toString());
    }
}
