package io.salesbi.match.engine;

import io.salesbi.match.standardize.Dates;
import io.salesbi.match.standardize.ParsedAddress;
import java.util.Arrays;

/**
 * Compares two records on one prepared field and returns a comparison level: 0 exact agreement, higher levels
 * weaker agreement, the last level disagreement, and {@link #MISSING} when either value is missing.
 * Each type gets the measure that suits it: Jaro-Winkler for short strings with typos, token overlap for names
 * whose words are reordered or dropped, Kölner Phonetik for names spelled by ear, digit distance for numbers
 * and day distance for dates.
 */
final class FieldComparator {

    static final int MISSING = -1;

    private FieldComparator() {}

    static int compare(PreparedField field, int a, int b) {
        String x = field.value()[a];
        String y = field.value()[b];
        if (x == null || y == null) {
            return MISSING;
        }
        if (x.equals(y)) {
            return 0;
        }
        return switch (field.type()) {
            case COMPANY -> company(field, a, b, x, y);
            case NAME -> personName(field, a, b, x, y);
            case GIVEN_NAME, SURNAME -> namePart(field, a, b, x, y);
            case ADDRESS, STREET -> address(field.addresses()[a], field.addresses()[b]);
            case HOUSE_NUMBER -> sameLeadingNumber(x, y) ? 1 : 2;
            case POSTCODE -> postcode(x, y);
            case CITY -> jaroWinkler(x, y) >= 0.9 || x.startsWith(y + " ") || y.startsWith(x + " ") ? 1 : 2;
            case PHONE -> phone(x, y);
            case EMAIL -> email(x, y);
            case DATE -> date(x, y);
            case TEXT -> TextComparison.compare(field, a, b, x, y);
            case PERSONS -> PersonListComparison.compare(field, a, b);
            case YEAR -> Math.abs(Long.parseLong(x) - Long.parseLong(y)) <= 1 ? 1 : 2;
            case COUNTRY, WEBSITE, VAT_ID, STRONG_ID, EXACT -> 1;
        };
    }

    /**
     * Company names (levels 0 exact, 1 close, 2 most words shared, 3 some rare words shared, 4 different): numbers
     * that disagree make different names; otherwise the shares of each name's word weight that the other matches
     * ({@link CompanyNameComparison}) decide, so that sharing only a common word ("consulting") is no agreement.
     */
    private static int company(PreparedField field, int a, int b, String x, String y) {
        String[] tx = field.tokens()[a];
        String[] ty = field.tokens()[b];
        if (CompanyNameComparison.numbersConflict(tx, ty)) {
            return 4;
        }
        if (Arrays.equals(tx, ty)
                || field.phonetic()[a].equals(field.phonetic()[b])
                || x.replace(" ", "").equals(y.replace(" ", ""))) {
            return 1;
        }
        double jw = jaroWinkler(x, y);
        float[] wx = field.tokenWeights() == null ? null : field.tokenWeights()[a];
        float[] wy = field.tokenWeights() == null ? null : field.tokenWeights()[b];
        CompanyNameComparison.Words words = wx == null
                ? new CompanyNameComparison.Words(overlap(tx, ty), jaccard(tx, ty), false)
                : CompanyNameComparison.words(tx, wx, ty, wy, x, y);
        double most = Math.max(words.coverX(), words.coverY());
        double least = Math.min(words.coverX(), words.coverY());
        // each name keeps a word rarer than any they share: two sites of one organisation named after their places
        // ("YWCA Montclare" / "YWCA Oakland" written out), whose long shared beginning Jaro-Winkler calls close
        // and whose many common shared words make the covers high; different, unless one name is inside the other
        if (jw >= 0.95 && !words.distinct()) {
            return 1;
        }
        // every word of each name the same or abbreviated in the other ("Hunter Douglas Ind", "IBM"): close
        if (least >= 0.99 && wx != null && CompanyNameComparison.sameWordsAbbreviated(tx, wx, ty, wy)) {
            return 1;
        }
        if (most >= 0.99) {
            return 2;
        }
        if (words.distinct()) {
            return 4;
        }
        // 0.75: for two names of equal length and equal word weights the old Jaccard bound of 0.6 (3 of 4 words)
        if (least >= 0.75) {
            return 2;
        }
        if (jw >= 0.88 || most >= 0.5) {
            return 3;
        }
        return 4;
    }

    private static int personName(PreparedField field, int a, int b, String x, String y) {
        String[] tx = field.tokens()[a];
        String[] ty = field.tokens()[b];
        if (Arrays.equals(tx, ty) || jaroWinkler(x, y) >= 0.94) {
            return 1;
        }
        if (field.phonetic()[a].equals(field.phonetic()[b])) {
            return 2;
        }
        return jaroWinkler(x, y) >= 0.85 || jaccard(tx, ty) >= 0.5 ? 3 : 4;
    }

    private static int namePart(PreparedField field, int a, int b, String x, String y) {
        double jw = jaroWinkler(x, y);
        if (jw >= 0.92) {
            return 1;
        }
        if (!field.phonetic()[a].isEmpty() && field.phonetic()[a].equals(field.phonetic()[b])) {
            return 2;
        }
        return jw >= 0.8 ? 3 : 4;
    }

    /**
     * Addresses by their parts (levels 0 exact, 1 close, 2 partial, 3 different). Two different building numbers are
     * different addresses even on the same street: a neighbour is not the same company. The same street and number
     * is close unless both name different units (then partial: one building, two tenants); the same street with a
     * number on one side only is partial, as is the same number on a street spelled quite differently ("435 S. La
     * Cienega Blvd." and "435 La Cienega"); streets without numbers compare as names alone.
     */
    static int address(ParsedAddress x, ParsedAddress y) {
        String numberX = x.buildingNumber();
        String numberY = y.buildingNumber();
        if (numberX != null && numberY != null && !numberX.equals(numberY)) {
            return 3;
        }
        String streetX = x.joinedStreet();
        String streetY = y.joinedStreet();
        if (streetX == null || streetY == null) {
            return 3;
        }
        double similarity = streetX.equals(streetY) ? 1.0 : jaroWinkler(streetX, streetY);
        String[] wordsX = x.street().split(" ");
        String[] wordsY = y.street().split(" ");
        Arrays.sort(wordsX);
        Arrays.sort(wordsY);
        boolean sameStreet =
                similarity >= 0.92 || Math.min(wordsX.length, wordsY.length) >= 2 && overlap(wordsX, wordsY) >= 0.99;
        boolean sameNumber = numberX != null && numberX.equals(numberY);
        if (sameNumber) {
            if (sameStreet) {
                return x.unit() != null && y.unit() != null && !x.unit().equals(y.unit()) ? 2 : 1;
            }
            return similarity >= 0.8 || jaccard(wordsX, wordsY) >= 0.5 ? 2 : 3;
        }
        if (numberX == null && numberY == null) {
            return sameStreet ? 1 : similarity >= 0.8 || jaccard(wordsX, wordsY) >= 0.4 ? 2 : 3;
        }
        return sameStreet ? 2 : 3;
    }

    /** Different building numbers on one street (joined street words equal or Jaro-Winkler at least 0.92). */
    static boolean otherHouseOnSameStreet(ParsedAddress x, ParsedAddress y) {
        String numberX = x.buildingNumber();
        String numberY = y.buildingNumber();
        String streetX = x.joinedStreet();
        String streetY = y.joinedStreet();
        return numberX != null
                && numberY != null
                && !numberX.equals(numberY)
                && streetX != null
                && streetY != null
                && (streetX.equals(streetY) || jaroWinkler(streetX, streetY) >= 0.92);
    }

    /**
     * Close: a typo, or the same personal mailbox name at a similar domain; "info@" and the like say nothing. As in
     * organisation names, numbers must agree: an edit that changes the digits ("filiale12@" / "filiale14@",
     * "info@mueller-bau4.de" / "info@mueller-bau49.de") names another mailbox or another domain, not a typo of this
     * one. Counted as a typo, such addresses made organisations of one name that number their domains look like
     * duplicates twice over (the name, then the address derived from it): at a million records EM took them for
     * the match class.
     */
    private static int email(String x, String y) {
        if (oneEdit(x, y) && digits(x).equals(digits(y))) {
            return 1;
        }
        int atX = x.indexOf('@');
        int atY = y.indexOf('@');
        String local = x.substring(0, Math.max(atX, 0));
        boolean sameMailbox =
                atX > 0 && atY > 0 && local.equals(y.substring(0, atY)) && !GENERIC_MAILBOXES.contains(local);
        return sameMailbox ? 1 : 2;
    }

    private static final java.util.Set<String> GENERIC_MAILBOXES = java.util.Set.of(
            "info",
            "kontakt",
            "contact",
            "office",
            "mail",
            "post",
            "service",
            "sales",
            "vertrieb",
            "einkauf",
            "buchhaltung",
            "zentrale",
            "hello",
            "admin",
            "support",
            "team",
            "order",
            "bestellung",
            "rechnung",
            "invoice");

    private static int postcode(String x, String y) {
        if (x.length() == y.length() && oneEdit(x, y) || withoutLeadingZeros(x).equals(withoutLeadingZeros(y))) {
            return 1;
        }
        return x.length() >= 2 && y.length() >= 2 && x.regionMatches(0, y, 0, 2) ? 2 : 3;
    }

    /** "04109" typed as a number in a spreadsheet becomes "4109". */
    private static String withoutLeadingZeros(String postcode) {
        int start = 0;
        while (start < postcode.length() - 1 && postcode.charAt(start) == '0') {
            start++;
        }
        return postcode.substring(start);
    }

    private static int phone(String x, String y) {
        int tail = 7;
        if (x.length() >= tail
                && y.length() >= tail
                && x.regionMatches(x.length() - tail, y, y.length() - tail, tail)) {
            return 1;
        }
        return x.length() == y.length() && oneEdit(x, y) ? 1 : 2;
    }

    private static int date(String x, String y) {
        if (x.length() == y.length() && oneEdit(x, y) || swappedDayMonth(x, y)) {
            return 1;
        }
        long dx = Dates.epochDay(x);
        long dy = Dates.epochDay(y);
        if (dx != Long.MIN_VALUE && dy != Long.MIN_VALUE && Math.abs(dx - dy) <= 366) {
            return 2;
        }
        return 3;
    }

    private static boolean swappedDayMonth(String x, String y) {
        return x.length() == 8
                && y.length() == 8
                && x.regionMatches(0, y, 0, 4)
                && x.regionMatches(4, y, 6, 2)
                && x.regionMatches(6, y, 4, 2);
    }

    static double jaroWinkler(String x, String y) {
        return JaroWinkler.similarity(x, y);
    }

    private static boolean oneEdit(String x, String y) {
        return JaroWinkler.withinOneEdit(x, y);
    }

    /** The digits of a value in their order: "filiale12@x4.de" gives "124". */
    static String digits(String value) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits.append(value.charAt(i));
            }
        }
        return digits.toString();
    }

    /** "12" and "12a" are one building number; house numbers without leading digits never agree this way. */
    private static boolean sameLeadingNumber(String x, String y) {
        int digits = leadingDigits(x);
        return digits > 0 && digits == leadingDigits(y) && x.regionMatches(0, y, 0, digits);
    }

    private static int leadingDigits(String value) {
        int end = 0;
        while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Shared tokens over all distinct tokens, for sorted token arrays. */
    static double jaccard(String[] x, String[] y) {
        int shared = shared(x, y);
        return (double) shared / (x.length + y.length - shared);
    }

    /** Shared tokens over the tokens of the shorter name: 1.0 when one name's words are all in the other. */
    static double overlap(String[] x, String[] y) {
        return (double) shared(x, y) / Math.min(x.length, y.length);
    }

    private static int shared(String[] x, String[] y) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < x.length && j < y.length) {
            int c = x[i].compareTo(y[j]);
            if (c == 0) {
                shared++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }
}
