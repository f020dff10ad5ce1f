package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JaroWinklerTest {

    @Test
    void givesTheTextbookValues() {
        assertThat(JaroWinkler.similarity("MARTHA", "MARHTA")).isCloseTo(0.9611, within(1e-4));
        assertThat(JaroWinkler.similarity("DWAYNE", "DUANE")).isCloseTo(0.84, within(1e-4));
        assertThat(JaroWinkler.similarity("DIXON", "DICKSONX")).isCloseTo(0.8133, within(1e-4));
        // m, l, l, e, r match (the ü does not): jaro (5/6 + 5/7 + 4/5) / 3 = 0.7825, one prefix character
        assertThat(JaroWinkler.similarity("müller", "mueller")).isCloseTo(0.8043, within(1e-4));
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
        assertThat(JaroWinkler.similarity("", "abc")).isZero();
    }

    @Test
    void bitMasksGiveExactlyTheValuesOfThePlainWindowScan() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "aabcdeeilmnorstuäöüß -";
        for (int k = 0; k < 50_000; k++) {
            String x = randomText(random, alphabet, random.nextInt(0, 66));
            String y = random.nextInt(3) == 0
                    ? mutate(random, x, alphabet)
                    : randomText(random, alphabet, random.nextInt(0, 66));

            assertThat(JaroWinkler.similarity(x, y)).as("'%s' and '%s'", x, y).isEqualTo(windowScan(x, y));
        }
    }

    private static String randomText(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String mutate(SplittableRandom random, String x, String alphabet) {
        StringBuilder text = new StringBuilder(x);
        for (int edits = random.nextInt(1, 4); edits > 0 && text.length() > 1; edits--) {
            int at = random.nextInt(text.length() - 1);
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> text.deleteCharAt(at);
                default -> {
                    char c = text.charAt(at);
                    text.setCharAt(at, text.charAt(at + 1));
                    text.setCharAt(at + 1, c);
                }
            }
        }
        return text.toString();
    }

    /** The definition: each character of x matches the first unmatched equal character of y within the window. */
    private static double windowScan(String x, String y) {
        if (x.equals(y)) {
            return 1.0;
        }
        int lx = x.length();
        int ly = y.length();
        if (lx == 0 || ly == 0) {
            return 0.0;
        }
        if (lx > 64 || ly > 64) {
            return new org.apache.commons.text.similarity.JaroWinklerSimilarity().apply(x, y);
        }
        int window = Math.max(0, Math.max(lx, ly) / 2 - 1);
        boolean[] matchedX = new boolean[lx];
        boolean[] matchedY = new boolean[ly];
        int matches = 0;
        for (int i = 0; i < lx; i++) {
            for (int j = Math.max(0, i - window); j <= Math.min(ly - 1, i + window); j++) {
                if (!matchedY[j] && y.charAt(j) == x.charAt(i)) {
                    matchedY[j] = true;
                    matchedX[i] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < lx; i++) {
            if (matchedX[i]) {
                while (!matchedY[j]) {
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
        while (prefix < Math.min(4, Math.min(lx, ly)) && x.charAt(prefix) == y.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }
}
