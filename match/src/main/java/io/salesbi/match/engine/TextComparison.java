package io.salesbi.match.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Free text (a paper's title, a venue, a restaurant's cuisine, a second address line) compared by its words, each
 * word weighted by its rarity in the list as organisation names are ({@link CompanyNameComparison#cover}: soft
 * TF-IDF with typos and spelling variants), so that two titles sharing "query optimization for" share little and
 * two sharing "cubetree" much. Jaro-Winkler on the whole value, which the comparison used alone before, is high for
 * two different long titles with a long common beginning ("Query optimization for X" / "… for Y"); it now only
 * decides short values (up to {@value #SHORT_WORDS} words), where a typo is what it catches.
 *
 * <p>Numbers must agree where both values carry words and numbers: "SQL Server 7.0" and "SQL Server 2000", "Part 1"
 * and "Part 2", "Report on the workshop 1999" and "… 2000" are different. Roman numerals from II to XII count as
 * numbers ("Part II" is "Part 2"), a year and its two last digits are one ("DART '96" / "DART 1996"), zeros alone
 * are dropped ("7.0" / "7"). A value of digits alone (an id) is compared as text, so that a typo in it is close.
 *
 * <p>Levels: 0 exact, 1 close (one value's words all in the other and at most {@value #CLOSE_MISS} of the other's
 * word weight unmatched, or at most half that unmatched on each side; or the same value written together or one
 * keyboard slip apart), 2 most words (one value wholly inside the other, or both covers at least {@value #MOST}), 3
 * some words (one cover at least {@value #SOME}), 4 different. Where both values carry the same numbers, the cover
 * counts the other words: "Part II" and "part 2" differ in no word.
 */
final class TextComparison {

    /** Values of up to this many words are short: Jaro-Winkler of the whole value decides them too. */
    static final int SHORT_WORDS = 3;

    /** Share of either value's word weight that may be unmatched in a close pair ("… Database Systems"). */
    static final double CLOSE_MISS = 0.2;

    static final double MOST = 0.6;

    static final double SOME = 0.5;

    /** Words that say nothing of a title's subject; dropped from its words unless nothing else is left. */
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "of", "for", "in", "on", "and", "or", "to", "with", "by", "from", "at", "as", "is", "are",
            "via", "its", "into", "over", "towards", "toward", "der", "die", "das", "und", "fuer", "von", "mit", "im",
            "le", "la", "les", "de", "des", "du", "et");

    private static final Map<String, String> ROMAN = Map.of(
            "ii", "2", "iii", "3", "iv", "4", "vi", "6", "vii", "7", "viii", "8", "ix", "9", "xi", "11", "xii", "12");

    private TextComparison() {}

    static int compare(PreparedField field, int a, int b, String x, String y) {
        String[] tx = field.tokens()[a];
        String[] ty = field.tokens()[b];
        boolean lettered = hasLetters(x) && hasLetters(y);
        String numbersX = field.phonetic()[a];
        String numbersY = field.phonetic()[b];
        boolean bothNumbered = !numbersX.isEmpty() && !numbersY.isEmpty();
        if (lettered && bothNumbered && !numbersX.equals(numbersY)) {
            return 4;
        }
        String joinedX = x.replace(" ", "");
        String joinedY = y.replace(" ", "");
        if (joinedX.equals(joinedY) || CompanyNameComparison.withinOneDamerauEdit(joinedX, joinedY)) {
            return 1;
        }
        boolean shortValues = wordCount(x) <= SHORT_WORDS && wordCount(y) <= SHORT_WORDS;
        if (shortValues && FieldComparator.jaroWinkler(x, y) >= 0.92) {
            return 1;
        }
        float[] wx = field.tokenWeights()[a];
        float[] wy = field.tokenWeights()[b];
        if (lettered && bothNumbered) {
            wx = withoutNumbers(tx, wx);
            wy = withoutNumbers(ty, wy);
        }
        double[] cover = CompanyNameComparison.cover(tx, wx, ty, wy);
        double least = Math.min(cover[0], cover[1]);
        double most = Math.max(cover[0], cover[1]);
        // a word added ("… Database Systems") is close, a word replaced ("… object …" / "… spatial …") is not
        if (most >= 0.999 && least >= 1 - CLOSE_MISS || least >= 1 - CLOSE_MISS / 2) {
            return 1;
        }
        if (most >= 0.999 || least >= MOST) {
            return 2;
        }
        return most >= SOME ? 3 : 4;
    }

    /**
     * The words a value is compared and blocked by: its distinct folded words without stop words (all of them when
     * nothing else is left), sorted.
     */
    static String[] words(String value) {
        String[] all = value.split(" ");
        List<String> kept = new ArrayList<>(all.length);
        for (String word : all) {
            if (!STOP_WORDS.contains(word)) {
                kept.add(word);
            }
        }
        return (kept.isEmpty() ? List.of(all) : kept)
                .stream().distinct().sorted().toArray(String[]::new);
    }

    /**
     * The numbers of a value's words in one form, sorted and joined ("'00 7"): no leading zeros, a year as its two
     * last digits, roman numerals as digits; empty when it carries none. Computed once per distinct value.
     */
    static String numberKey(String[] words) {
        return String.join(" ", numbers(words));
    }

    private static List<String> numbers(String[] words) {
        List<String> numbers = new ArrayList<>(2);
        for (String word : words) {
            if (!isNumber(word)) {
                continue;
            }
            String number = ROMAN.getOrDefault(word, word);
            int zeros = 0;
            while (zeros < number.length() && number.charAt(zeros) == '0') {
                zeros++;
            }
            number = number.substring(zeros);
            if (number.isEmpty()) {
                continue;
            }
            if (number.length() == 4 && (number.startsWith("19") || number.startsWith("20"))) {
                number = "'" + number.substring(2);
            } else if (number.length() == 2) {
                number = "'" + number;
            }
            if (!numbers.contains(number)) {
                numbers.add(number);
            }
        }
        numbers.sort(null);
        return numbers;
    }

    /** The weights with those of numbers set to 0, so that numbers already found equal count neither way. */
    private static float[] withoutNumbers(String[] words, float[] weights) {
        float[] kept = weights.clone();
        for (int k = 0; k < words.length; k++) {
            if (isNumber(words[k])) {
                kept[k] = 0f;
            }
        }
        return kept;
    }

    private static boolean isNumber(String word) {
        return ROMAN.containsKey(word) || !word.isEmpty() && word.chars().allMatch(Character::isDigit);
    }

    private static boolean hasLetters(String value) {
        for (int c = 0; c < value.length(); c++) {
            if (Character.isLetter(value.charAt(c))) {
                return true;
            }
        }
        return false;
    }

    private static int wordCount(String value) {
        int count = 1;
        for (int c = 0; c < value.length(); c++) {
            if (value.charAt(c) == ' ') {
                count++;
            }
        }
        return count;
    }
}
