package io.salesbi.match.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Organisation names compared by their words, each word weighted by its rarity in the list (inverse document
 * frequency, ln(1 + n / df)): two names that share only "maschinenbau" or "consulting" share little, two that
 * share "rexroth" share much. A word matches a word of the other name when equal, when both are long and one
 * typo apart (Jaro-Winkler ≥ {@value #SOFT_MATCH}, the "soft" of soft TF-IDF, or one Damerau-Levenshtein edit),
 * when they are one spelling with and without umlauts ("boehm" and "bohm"), or when it is the acronym of a run of
 * the other name's words ("ibm" and "international business machines"). Numbers must agree: two names that
 * both carry numbers and not the same ones ("Bau 2000" and "Bau 3000", "Filiale 12" and "Filiale 14") are different
 * organisations whatever their other words. Legal forms and filler words are gone before this, by
 * {@link io.salesbi.match.standardize.CompanyNameStandardizer}.
 */
final class CompanyNameComparison {

    /** Least Jaro-Winkler similarity of two words of at least {@value #SOFT_LENGTH} letters taken for one word. */
    static final double SOFT_MATCH = 0.93;

    static final int SOFT_LENGTH = 5;

    private CompanyNameComparison() {}

    /**
     * The share of each name's word weight that the other name matches.
     *
     * @return {cover of x, cover of y}, each between 0 and 1
     */
    static double[] cover(String[] x, float[] wx, String[] y, float[] wy) {
        return cover(x, wx, y, wy, true);
    }

    /**
     * True when every word of each name is the same word in the other or abbreviates it ("Hunter Douglas Ind" /
     * "Hunter Douglas Industries", "IBM Deutschland" / "International Business Machines Deutschland"): the same
     * name written shorter, as close as a typo. Words that match only as typos do not count here.
     */
    static boolean sameWordsAbbreviated(String[] x, float[] wx, String[] y, float[] wy) {
        double[] cover = cover(x, wx, y, wy, false);
        return Math.min(cover[0], cover[1]) >= 0.99;
    }

    private static double[] cover(String[] x, float[] wx, String[] y, float[] wy, boolean typos) {
        Matched matched = matched(x, y, typos, null, null);
        return new double[] {share(wx, matched.x()), share(wy, matched.y())};
    }

    /**
     * How two names' words match, from one pass over them: the share of each name's word weight the other matches
     * (as {@link #cover}), with each name as standardized, its words in their written order (null when not known),
     * so that an acronym may stand for a run of written words next to words it does not stand for ("LSS Douglas" /
     * "Lutheran Social Services Douglas Center"); and whether each name keeps a distinctive word: a word the other
     * does not match that is rarer than any word the two share, the two such words not looking alike. "YWCA
     * Montclare" / "YWCA Oakland" written out ("Young Women's Christian Association") are two sites of one
     * organisation at one head office: their shared words are many but common, the words that tell them apart are
     * rare; the covers alone (about 0.6 each) and Jaro-Winkler (0.96 on the long shared beginning) called them
     * "some words shared" or "close".
     */
    record Words(double coverX, double coverY, boolean distinct) {}

    static Words words(String[] x, float[] wx, String[] y, float[] wy, String writtenX, String writtenY) {
        Matched matched = matched(x, y, true, writtenX, writtenY);
        int ownX = distinctWord(wx, matched.x());
        int ownY = distinctWord(wy, matched.y());
        return new Words(
                share(wx, matched.x()), share(wy, matched.y()), ownX >= 0 && ownY >= 0 && !lookAlike(x[ownX], y[ownY]));
    }

    /**
     * Two words more likely one word misspelled than two: Jaro-Winkler at least {@value #SIMILAR_WORD}, or one edit
     * apart as written or with umlauts as plain vowels, however short ("knln" / "koeln", "el" / "egl", "hamn" /
     * "hamm": too short for the typo rules of {@link #cover}).
     */
    private static boolean lookAlike(String x, String y) {
        return JaroWinkler.similarity(x, y) >= SIMILAR_WORD
                || withinOneDamerauEdit(x, y)
                || withinOneDamerauEdit(plainVowels(x), plainVowels(y));
    }

    /** Jaro-Winkler from which two unmatched words are taken for one word misspelled rather than two. */
    static final double SIMILAR_WORD = 0.85;

    /**
     * The index of the name's heaviest word the other name does not match when it weighs more than the heaviest
     * word they share (is rarer in the list); -1 when there is none, or when the names share nothing. In a list too
     * short for word frequencies every word weighs 1 and no word is distinctive.
     */
    private static int distinctWord(float[] weights, boolean[] matched) {
        float heaviestShared = 0;
        int own = -1;
        for (int k = 0; k < weights.length; k++) {
            if (matched[k]) {
                heaviestShared = Math.max(heaviestShared, weights[k]);
            } else if (own < 0 || weights[k] > weights[own]) {
                own = k;
            }
        }
        return heaviestShared > 0 && own >= 0 && weights[own] > heaviestShared ? own : -1;
    }

    /** Which words of each name the other matches. */
    private record Matched(boolean[] x, boolean[] y) {}

    private static Matched matched(String[] x, String[] y, boolean typos, String writtenX, String writtenY) {
        boolean[] matchedX = new boolean[x.length];
        boolean[] matchedY = new boolean[y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (x[i].equals(y[j])) {
                    matchedX[i] = true;
                    matchedY[j] = true;
                }
            }
        }
        for (int i = 0; i < x.length && typos; i++) {
            for (int j = 0; j < y.length && !matchedX[i]; j++) {
                if (!matchedY[j]
                        && x[i].length() >= SOFT_LENGTH
                        && y[j].length() >= SOFT_LENGTH
                        && JaroWinkler.similarity(x[i], y[j]) >= SOFT_MATCH) {
                    matchedX[i] = true;
                    matchedY[j] = true;
                }
            }
        }
        for (int i = 0; i < x.length && typos; i++) {
            for (int j = 0; j < y.length && !matchedX[i]; j++) {
                if (!matchedY[j] && spellingVariants(x[i], y[j])) {
                    matchedX[i] = true;
                    matchedY[j] = true;
                }
            }
        }
        if (any(matchedX)) {
            abbreviations(x, matchedX, y, matchedY);
            abbreviations(y, matchedY, x, matchedX);
        }
        acronyms(x, matchedX, y, matchedY, writtenY);
        acronyms(y, matchedY, x, matchedX, writtenX);
        return new Matched(matchedX, matchedY);
    }

    /**
     * True for two words that are one word spelled another way, where Jaro-Winkler misses it: the same word with
     * and without umlauts ("boehm" / "bohm": folding turns ö into oe, a writer without umlauts types o), or, for
     * words of at least {@value #SOFT_LENGTH} letters, one keyboard slip apart (one letter swapped, dropped, added
     * or two neighbours transposed: Damerau-Levenshtein distance 1) as folded or with umlauts written as plain
     * vowels. Jaro-Winkler punishes a slip near the start of a short word hard ("kpnig" for "König" is 0.88 against
     * "koenig"), the edit distance does not. Words with digits are left to the numbers rule.
     */
    static boolean spellingVariants(String x, String y) {
        if (!letters(x) || !letters(y)) {
            return false;
        }
        if (x.length() >= SOFT_LENGTH && y.length() >= SOFT_LENGTH && withinOneDamerauEdit(x, y)) {
            return true;
        }
        if (!hasUmlautDigraph(x) && !hasUmlautDigraph(y)) {
            return false;
        }
        String px = plainVowels(x);
        String py = plainVowels(y);
        return px.equals(py)
                || px.length() >= SOFT_LENGTH && py.length() >= SOFT_LENGTH && withinOneDamerauEdit(px, py);
    }

    /**
     * True when the strings are equal or one substitution, insertion, deletion or transposition of two neighbouring
     * letters apart (the optimal-string-alignment distance is at most 1).
     */
    static boolean withinOneDamerauEdit(String x, String y) {
        if (JaroWinkler.withinOneEdit(x, y)) {
            return true;
        }
        int n = x.length();
        if (n != y.length()) {
            return false;
        }
        int i = 0;
        while (i < n && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        return i + 1 < n
                && x.charAt(i) == y.charAt(i + 1)
                && x.charAt(i + 1) == y.charAt(i)
                && x.regionMatches(i + 2, y, i + 2, n - i - 2);
    }

    /** The folded word with the umlauts' spellings ae, oe, ue written as a, o, u ("koenig" → "konig"). */
    static String plainVowels(String word) {
        StringBuilder plain = new StringBuilder(word.length());
        for (int c = 0; c < word.length(); c++) {
            char ch = word.charAt(c);
            plain.append(ch);
            if ((ch == 'a' || ch == 'o' || ch == 'u') && c + 1 < word.length() && word.charAt(c + 1) == 'e') {
                c++;
            }
        }
        return plain.toString();
    }

    private static boolean hasUmlautDigraph(String word) {
        return word.contains("ae") || word.contains("oe") || word.contains("ue");
    }

    private static boolean letters(String word) {
        for (int c = 0; c < word.length(); c++) {
            if (!Character.isLetter(word.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    /** Longest beginning of a word, as a share of its length, taken for its abbreviation. */
    static final double PREFIX_SHARE = 0.6;

    /** Shortest word taken for an abbreviation of a longer one. */
    static final int ABBREVIATION_LENGTH = 3;

    /**
     * Marks an unmatched word of {@code x} that abbreviates an unmatched word of {@code y}: its beginning of at most
     * {@value #PREFIX_SHARE} of its length ("tech" / "technology", "ind" / "industries"; not "elektro" /
     * "elektronik"), or, from four letters, a contraction with the
     * same first letter and the other letters in order ("internatl" / "international", "mfg" is left to the
     * acronyms). Only in names that already share a word, so that "ABB" and "Abbott" stay apart.
     */
    private static void abbreviations(String[] x, boolean[] matchedX, String[] y, boolean[] matchedY) {
        for (int i = 0; i < x.length; i++) {
            if (matchedX[i] || x[i].length() < ABBREVIATION_LENGTH || !letters(x[i])) {
                continue;
            }
            for (int j = 0; j < y.length && !matchedX[i]; j++) {
                if (!matchedY[j] && abbreviates(x[i], y[j])) {
                    matchedX[i] = true;
                    matchedY[j] = true;
                }
            }
        }
    }

    /** True when {@code word} is the beginning of {@code full} or, from four letters, a contraction of it. */
    static boolean abbreviates(String word, String full) {
        if (full.length() < word.length() + 2 || !letters(full) || word.charAt(0) != full.charAt(0)) {
            return false;
        }
        if (full.startsWith(word)) {
            // a short beginning ("tech", "ind", "intl"); a long one is more likely a word of its own, the first
            // part of a compound ("elektro" / "elektronik", "holzbau" / "holzbauwerk")
            return word.length() <= PREFIX_SHARE * full.length();
        }
        if (word.length() < 4) {
            return false;
        }
        int at = 0;
        for (int c = 0; c < word.length(); c++) {
            at = full.indexOf(word.charAt(c), at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(boolean[] matched) {
        for (boolean m : matched) {
            if (m) {
                return true;
            }
        }
        return false;
    }

    /** True when both names carry numbers and the numbers differ. */
    static boolean numbersConflict(String[] x, String[] y) {
        List<String> nx = numbers(x);
        List<String> ny = numbers(y);
        return !nx.isEmpty() && !ny.isEmpty() && !nx.equals(ny);
    }

    /** Fewer names than this and word frequencies are noise: every word then weighs 1. */
    static final int MIN_NAMES = TermFrequencies.MIN_VALUES;

    /**
     * Rarity weights of each record's tokens: ln(1 + records / records with the token); all 1 for a list of fewer
     * than {@link #MIN_NAMES} names. Records that share one token array (one standardized name) share its weights.
     */
    static float[][] weights(String[][] tokens) {
        return weights(tokens, UnaryOperator.identity());
    }

    /**
     * Rarity weights as above, each token weighed by how many records hold its term: a person's surname
     * ({@link PersonListComparison}), where "wang w" and "wang y" are as common as "Wang" is.
     */
    static float[][] weights(String[][] tokens, UnaryOperator<String> term) {
        Map<String, Integer> documents = new HashMap<>();
        int present = 0;
        Set<String> terms = new HashSet<>();
        for (String[] record : tokens) {
            if (record != null) {
                present++;
                terms.clear();
                for (String token : record) {
                    terms.add(term.apply(token));
                }
                for (String t : terms) {
                    documents.merge(t, 1, Integer::sum);
                }
            }
        }
        float[][] weights = new float[tokens.length][];
        Map<String[], float[]> shared = new IdentityHashMap<>();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] != null) {
                weights[i] = shared.get(tokens[i]);
                if (weights[i] != null) {
                    continue;
                }
                weights[i] = new float[tokens[i].length];
                shared.put(tokens[i], weights[i]);
                for (int k = 0; k < tokens[i].length; k++) {
                    weights[i][k] = present < MIN_NAMES
                            ? 1f
                            : (float) Math.log(1 + present / (double) documents.get(term.apply(tokens[i][k])));
                }
            }
        }
        return weights;
    }

    /**
     * Marks an unmatched word of {@code x} of 2 to 6 letters that spells the initials of a run of unmatched words of
     * {@code y} that are all of its words left unmatched (tokens are sorted, so the run's words are taken in any
     * order). Where {@code y}'s written order is known, an acronym of at least three letters may also stand for
     * consecutive written words of {@code y} next to others it does not stand for ("lss" in "lutheran social
     * services douglas center"); three initials in a row are specific, a set of initials taken from anywhere in a
     * long name is not.
     */
    private static void acronyms(String[] x, boolean[] matchedX, String[] y, boolean[] matchedY, String writtenY) {
        for (int i = 0; i < x.length; i++) {
            String word = x[i];
            if (matchedX[i]
                    || word.length() < 2
                    || word.length() > 6
                    || !word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            List<Integer> run = new ArrayList<>();
            for (int c = 0; c < word.length(); c++) {
                int found = -1;
                for (int j = 0; j < y.length && found < 0; j++) {
                    if (!matchedY[j] && !run.contains(j) && y[j].length() > 1 && y[j].charAt(0) == word.charAt(c)) {
                        found = j;
                    }
                }
                if (found < 0) {
                    run.clear();
                    break;
                }
                run.add(found);
            }
            if (run.isEmpty() || run.size() != unmatchedWords(y, matchedY)) {
                run = writtenY == null || word.length() < 3 ? List.of() : writtenRun(word, y, matchedY, writtenY);
            }
            if (!run.isEmpty()) {
                matchedX[i] = true;
                for (int j : run) {
                    matchedY[j] = true;
                }
            }
        }
    }

    /**
     * The token indices of consecutive written words of {@code y}, all unmatched, whose initials spell {@code word};
     * empty when there are none. A word written twice in the name is one token, and may not stand for two initials.
     */
    private static List<Integer> writtenRun(String word, String[] y, boolean[] matchedY, String writtenY) {
        // the initials are read off the written name first, without taking it apart: most names hold no run
        int length = writtenY.length();
        for (int start = 0; start < length; start = nextWord(writtenY, start)) {
            int at = start;
            int c = 0;
            while (c < word.length() && at < length && writtenY.charAt(at) == word.charAt(c)) {
                c++;
                at = nextWord(writtenY, at);
            }
            if (c == word.length()) {
                List<Integer> run = unmatchedTokens(y, matchedY, writtenY, start, word.length());
                if (run != null) {
                    return run;
                }
            }
        }
        return List.of();
    }

    /**
     * The token indices of the {@code count} written words from {@code start}, or null when one is shorter than two
     * letters, already matched, or the same token as another of them.
     */
    private static List<Integer> unmatchedTokens(
            String[] y, boolean[] matchedY, String writtenY, int start, int count) {
        List<Integer> run = new ArrayList<>(count);
        int at = start;
        for (int k = 0; k < count; k++) {
            int end = writtenY.indexOf(' ', at);
            String written = writtenY.substring(at, end < 0 ? writtenY.length() : end);
            int token = Arrays.binarySearch(y, written);
            if (token < 0 || matchedY[token] || run.contains(token) || written.length() < 2) {
                return null;
            }
            run.add(token);
            at = nextWord(writtenY, at);
        }
        return run;
    }

    /** Where the word after the one at {@code from} begins; the text's length after the last word. */
    private static int nextWord(String text, int from) {
        int space = text.indexOf(' ', from);
        return space < 0 ? text.length() : space + 1;
    }

    private static int unmatchedWords(String[] y, boolean[] matchedY) {
        int count = 0;
        for (int j = 0; j < y.length; j++) {
            if (!matchedY[j] && y[j].length() > 1) {
                count++;
            }
        }
        return count;
    }

    /** The share of the words' weight that is matched; 0 for no weight at all. */
    static double share(float[] weights, boolean[] matched) {
        double total = 0;
        double shared = 0;
        for (int k = 0; k < weights.length; k++) {
            total += weights[k];
            if (matched[k]) {
                shared += weights[k];
            }
        }
        return total <= 0 ? 0 : shared / total;
    }

    private static List<String> numbers(String[] tokens) {
        List<String> numbers = new ArrayList<>(1);
        for (String token : tokens) {
            for (int c = 0; c < token.length(); c++) {
                if (Character.isDigit(token.charAt(c))) {
                    numbers.add(token);
                    break;
                }
            }
        }
        return numbers;
    }
}
