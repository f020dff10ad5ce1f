package io.salesbi.match.engine;

/**
 * Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4 characters) without allocation for strings up to
 * 64 characters. Commons Text's {@code JaroWinklerSimilarity} gives the same values but allocates arrays on
 * every call and scans the match window character by character; the matcher makes tens of millions of calls, so
 * this copy keeps the positions of each character of the second string as a bit mask and finds the first free
 * match in the window with one mask operation, and falls back to Commons Text for longer strings.
 * {@code JaroWinklerTest} checks it against the plain window scan.
 */
final class JaroWinkler {

    private static final org.apache.commons.text.similarity.JaroWinklerSimilarity LONG =
            new org.apache.commons.text.similarity.JaroWinklerSimilarity();

    private static final int ASCII = 128;

    /** Per ASCII character the positions of y holding it, as bits; all zero between calls. */
    private static final ThreadLocal<long[]> POSITIONS = ThreadLocal.withInitial(() -> new long[ASCII]);

    private JaroWinkler() {}

    static double similarity(String x, String y) {
        if (x.equals(y)) {
            return 1.0;
        }
        int lx = x.length();
        int ly = y.length();
        if (lx == 0 || ly == 0) {
            return 0.0;
        }
        if (lx > 64 || ly > 64) {
            return LONG.apply(x, y);
        }
        int window = Math.max(0, Math.max(lx, ly) / 2 - 1);
        long[] positions = POSITIONS.get();
        long otherChars = 0;
        for (int j = 0; j < ly; j++) {
            char c = y.charAt(j);
            if (c < ASCII) {
                positions[c] |= 1L << j;
            } else {
                otherChars |= 1L << j;
            }
        }
        long matchedY = 0;
        long matchedX = 0;
        int matches = 0;
        for (int i = 0; i < lx; i++) {
            char c = x.charAt(i);
            int from = Math.max(0, i - window);
            int to = Math.min(ly - 1, i + window);
            long free = ~matchedY & (-1L >>> (63 - to)) & (-1L << from);
            long candidates = c < ASCII ? positions[c] & free : firstOther(y, c, otherChars & free);
            if (candidates != 0) {
                matchedY |= Long.lowestOneBit(candidates);
                matchedX |= 1L << i;
                matches++;
            }
        }
        for (int j = 0; j < ly; j++) {
            char c = y.charAt(j);
            if (c < ASCII) {
                positions[c] = 0;
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < lx; i++) {
            if ((matchedX & (1L << i)) != 0) {
                while ((matchedY & (1L << j)) == 0) {
                    j++;
                }
                if (x.charAt(i) != y.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / lx + m / ly + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        int maxPrefix = Math.min(4, Math.min(lx, ly));
        while (prefix < maxPrefix && x.charAt(prefix) == y.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    /** The lowest of the given positions of y (non-ASCII characters) holding c, as a one-bit mask; 0 if none. */
    private static long firstOther(String y, char c, long candidates) {
        long rest = candidates;
        while (rest != 0) {
            int j = Long.numberOfTrailingZeros(rest);
            if (y.charAt(j) == c) {
                return 1L << j;
            }
            rest &= rest - 1;
        }
        return 0;
    }

    /** True when the strings are equal or differ by one substitution, insertion or deletion. */
    static boolean withinOneEdit(String x, String y) {
        int lx = x.length();
        int ly = y.length();
        if (Math.abs(lx - ly) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(lx, ly) && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        if (lx == ly) {
            return x.regionMatches(i + 1, y, i + 1, lx - i - 1);
        }
        return lx > ly ? x.regionMatches(i + 1, y, i, ly - i) : y.regionMatches(i + 1, x, i, lx - i);
    }
}
