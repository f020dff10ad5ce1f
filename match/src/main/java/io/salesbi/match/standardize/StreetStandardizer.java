package io.salesbi.match.standardize;

/**
 * Standardizes street lines: "Hauptstr. 12 a", "Haupt-Straße 12a" and "Hauptstrasse 12A" all become street
 * "hauptstrasse" and house number "12a". Abbreviations are spelled out by {@link AddressParser} and spaces and
 * hyphens inside the street name dropped, because writers join and split German street names freely.
 */
public final class StreetStandardizer {

    private StreetStandardizer() {}

    /** Splits a street line into street name and house number and standardizes both ({@link AddressParser}). */
    public static StreetAddress standardize(String streetLine) {
        ParsedAddress parsed = AddressParser.parse(streetLine);
        return new StreetAddress(parsed.joinedStreet(), houseNumber(parsed.houseNumber()));
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
