package io.salesbi.match.standardize;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Standardizes street lines: "Hauptstr. 12 a", "Haupt-Straße 12a" and "Hauptstrasse 12A" all become street
 * "hauptstrasse" and house number "12a". Common abbreviations (Str., Pl., English St/Rd/Ave) are spelled out and
 * spaces and hyphens inside the street name dropped, because writers join and split German street names freely.
 */
public final class StreetStandardizer {

    private static final Pattern NUMBER_AT_END = Pattern.compile(
            "^(.*?\\D)\\s*(?:nr\\.?\\s*)?(\\d+\\s*[a-z]?(?:\\s*[-/]\\s*\\d+\\s*[a-z]?)?)$");
    private static final Pattern NUMBER_AT_START = Pattern.compile(
            "^(\\d+\\s*[a-z]?(?:\\s*[-/]\\s*\\d+\\s*[a-z]?)?)\\s*,?\\s+(\\D.*)$");
    private static final Pattern STR_SUFFIX = Pattern.compile("(str|strase|strasse|straße)\\.?$");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("str", "strasse"), Map.entry("strase", "strasse"), Map.entry("pl", "platz"),
            Map.entry("st", "street"), Map.entry("rd", "road"), Map.entry("ave", "avenue"), Map.entry("av", "avenue"),
            Map.entry("blvd", "boulevard"), Map.entry("blv", "boulevard"), Map.entry("dr", "drive"),
            Map.entry("ln", "lane"), Map.entry("pde", "parade"), Map.entry("cres", "crescent"),
            Map.entry("crt", "court"), Map.entry("ct", "court"), Map.entry("hwy", "highway"), Map.entry("pl.", "platz"));

    private StreetStandardizer() {
    }

    /** Splits a street line into street name and house number and standardizes both. */
    public static StreetAddress standardize(String streetLine) {
        String folded = TextFold.foldCase(streetLine).replace(',', ' ').strip();
        if (folded.isEmpty()) {
            return new StreetAddress(null, null);
        }
        String street = folded;
        String number = null;
        Matcher end = NUMBER_AT_END.matcher(folded);
        Matcher start = NUMBER_AT_START.matcher(folded);
        if (end.matches()) {
            street = end.group(1);
            number = end.group(2);
        } else if (start.matches()) {
            number = start.group(1);
            street = start.group(2);
        }
        return new StreetAddress(streetName(street), houseNumber(number));
    }

    /** Standardizes a street name without house number. */
    public static String streetName(String street) {
        StringBuilder out = new StringBuilder();
        for (String token : TextFold.fold(street).split(" ")) {
            String word = WORDS.getOrDefault(token, token);
            Matcher suffix = STR_SUFFIX.matcher(word);
            if (suffix.find() && suffix.start() > 0) {
                word = word.substring(0, suffix.start()) + "strasse";
            }
            out.append(word);
        }
        String name = out.toString();
        return name.isEmpty() ? null : name;
    }

    /** Lower case house number without spaces, e.g. "12 A" → "12a"; null when empty. */
    public static String houseNumber(String number) {
        if (number == null) {
            return null;
        }
        String compact = TextFold.foldCase(number).replaceAll("[^a-z0-9/-]", "");
        return compact.isEmpty() ? null : compact;
    }
}
