package io.salesbi.generator;

import java.time.LocalDate;

/**
 * Allocation-free formatting for the hot loops: fixed-point amounts with a decimal comma or point, and dates.
 * Amounts are held as long integers of their smallest unit (cents, thousandths) to keep sums exact.
 */
final class Numbers {

    private Numbers() {}

    /** Appends {@code units / 10^decimals} with the given decimal separator, e.g. 123456, 2, ',' -> "1234,56". */
    static void appendFixed(StringBuilder sb, long units, int decimals, char separator) {
        if (units < 0) {
            sb.append('-');
            units = -units;
        }
        long factor = pow10(decimals);
        sb.append(units / factor);
        if (decimals > 0) {
            sb.append(separator);
            long frac = units % factor;
            for (long f = factor / 10; f > 1 && frac < f; f /= 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }

    static String fixed(long units, int decimals, char separator) {
        StringBuilder sb = new StringBuilder(16);
        appendFixed(sb, units, decimals, separator);
        return sb.toString();
    }

    /** Quantities in thousandths: whole numbers without decimals ("12"), others with as few as needed ("4,5"). */
    static void appendQuantity(StringBuilder sb, long milli, char separator) {
        if (milli % 1000 == 0) {
            sb.append(milli / 1000);
        } else if (milli % 100 == 0) {
            appendFixed(sb, milli / 100, 1, separator);
        } else {
            appendFixed(sb, milli, 3, separator);
        }
    }

    /** "dd.MM.yyyy". */
    static String german(LocalDate date) {
        StringBuilder sb = new StringBuilder(10);
        two(sb, date.getDayOfMonth());
        sb.append('.');
        two(sb, date.getMonthValue());
        sb.append('.').append(date.getYear());
        return sb.toString();
    }

    /** "yyyy-MM-dd". */
    static String iso(LocalDate date) {
        return date.toString();
    }

    private static void two(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        sb.append(value);
    }

    static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
