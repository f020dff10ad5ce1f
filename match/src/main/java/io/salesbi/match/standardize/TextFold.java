package io.salesbi.match.standardize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Folds text for matching: lower case, German umlauts and ß spelled out, other accents dropped, punctuation to spaces. */
public final class TextFold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private TextFold() {}

    /** Lower case with umlauts spelled out (ä → ae, ß → ss) and accents removed; punctuation kept. */
    public static String foldCase(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.strip()
                .toLowerCase(java.util.Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("ø", "oe")
                .replace("œ", "oe");
        if (isAscii(lower)) {
            return lower;
        }
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** Folded text with every run of non-alphanumerics replaced by one space; empty for null or blank input. */
    public static String fold(String text) {
        return NON_ALNUM.matcher(foldCase(text)).replaceAll(" ").strip();
    }

    /** The folded text split into tokens. */
    public static List<String> tokens(String text) {
        String folded = fold(text);
        List<String> tokens = new ArrayList<>();
        if (folded.isEmpty()) {
            return tokens;
        }
        for (String token : folded.split(" ")) {
            tokens.add(token);
        }
        return tokens;
    }

    /** Null for null or blank input, the stripped text otherwise. */
    public static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
