package io.salesbi.match.engine;

import io.salesbi.match.standardize.PersonLists;
import java.util.List;

/**
 * Lists of persons (the authors of a paper) compared by how many persons they share, each person weighted by the
 * rarity of the surname in the list ({@link CompanyNameComparison#weights(String[][],
 * java.util.function.UnaryOperator)}): sharing "Stonebraker" says more than sharing "Wang". Two persons are one when
 * their surnames are equal, spelling variants (one keyboard slip in a surname of five letters or more, umlauts
 * written as plain vowels: {@link CompanyNameComparison#spellingVariants}) or one the last part of the other written
 * as one word ("garciamolina" / "molina", from five letters), and their initials agree or one is missing. Levels: 0 exact, 1 the same persons in any order, 2 most persons (both covers at least
 * {@value #MOST}, or one list wholly inside the other that ends in "et al." or begins with the same person, as a
 * list cut short does), 3 some
 * persons (one cover at least {@value #SOME}), 4 different.
 */
final class PersonListComparison {

    /** Least cover of both lists for "most persons": three of four authors shared. */
    static final double MOST = 0.75;

    /** Least cover of one list for "some persons". */
    static final double SOME = 0.5;

    private PersonListComparison() {}

    static int compare(PreparedField field, int a, int b) {
        String[] x = field.tokens()[a];
        String[] y = field.tokens()[b];
        double[] cover = cover(x, field.tokenWeights()[a], y, field.tokenWeights()[b]);
        double least = Math.min(cover[0], cover[1]);
        double most = Math.max(cover[0], cover[1]);
        if (least >= 0.999) {
            return 1;
        }
        if (least >= MOST || most >= 0.999 && containedAsCut(cover, field.value()[a], field.value()[b])) {
            return 2;
        }
        return most >= SOME ? 3 : 4;
    }

    /**
     * The share of each list's weight that the other matches, persons paired one to one: equal persons first, then
     * compatible ones.
     *
     * @return {cover of x, cover of y}
     */
    static double[] cover(String[] x, float[] wx, String[] y, float[] wy) {
        boolean[] matchedX = new boolean[x.length];
        boolean[] matchedY = new boolean[y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length && !matchedX[i]; j++) {
                if (!matchedY[j] && x[i].equals(y[j])) {
                    matchedX[i] = true;
                    matchedY[j] = true;
                }
            }
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length && !matchedX[i]; j++) {
                if (!matchedY[j] && samePerson(x[i], y[j])) {
                    matchedX[i] = true;
                    matchedY[j] = true;
                }
            }
        }
        return new double[] {CompanyNameComparison.share(wx, matchedX), CompanyNameComparison.share(wy, matchedY)};
    }

    /**
     * True when two standardized persons can be one: initials equal or one missing, surnames equal or spelling
     * variants of each other.
     */
    static boolean samePerson(String x, String y) {
        int spaceX = x.indexOf(' ');
        int spaceY = y.indexOf(' ');
        // "surname i": the initial is the last letter when there is one
        if (spaceX > 0 && spaceY > 0 && x.charAt(x.length() - 1) != y.charAt(y.length() - 1)) {
            return false;
        }
        String sx = spaceX < 0 ? x : x.substring(0, spaceX);
        String sy = spaceY < 0 ? y : y.substring(0, spaceY);
        return sx.equals(sy)
                || CompanyNameComparison.spellingVariants(sx, sy)
                || compoundOf(sx, sy)
                || compoundOf(sy, sx);
    }

    /** Shortest surname taken for the last part of a compound one. */
    static final int COMPOUND_PART = 5;

    /**
     * True when {@code part} ends the compound surname {@code compound}: "Garcia-Molina" written "Garcia Molina"
     * reads as given names "H. Garcia" and surname "Molina".
     */
    private static boolean compoundOf(String part, String compound) {
        return part.length() >= COMPOUND_PART && compound.length() > part.length() && compound.endsWith(part);
    }

    /**
     * True when the list wholly matched is the other cut short: it says so ("et al.") or it begins with the same
     * person. A list cut short after reordering ("C, B et al." for "A, B, C, D") names only persons of the other.
     */
    private static boolean containedAsCut(double[] cover, String x, String y) {
        String whole = cover[0] >= 0.999 ? x : y;
        return PersonLists.truncated(whole) || sameFirstPerson(x, y);
    }

    private static boolean sameFirstPerson(String x, String y) {
        List<String> px = PersonLists.persons(x);
        List<String> py = PersonLists.persons(y);
        return samePerson(px.get(0), py.get(0));
    }
}
