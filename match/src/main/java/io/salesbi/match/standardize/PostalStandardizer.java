package io.salesbi.match.standardize;

import java.util.regex.Pattern;

/** Standardizes postcodes and city names. */
public final class PostalStandardizer {

    private static final Pattern CITY_NOISE =
            Pattern.compile("\\(.*?\\)|\\b(a\\.? ?m\\.?|am|an der|i\\.? ?d\\.?|in der)\\b.*$");

    private PostalStandardizer() {}

    /**
     * Upper case postcode without spaces and country prefixes ("D-70173" → "70173"); a German postcode that lost its
     * leading zero in a spreadsheet ("1067") gets it back when the country is DE.
     */
    public static String postcode(String postcode, String countryIso) {
        if (postcode == null) {
            return null;
        }
        String compact = postcode.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s.]", "");
        compact = compact.replaceFirst("^(D|DE|A|AT|CH)-(?=\\d)", "");
        if (compact.endsWith(".0")) {
            compact = compact.substring(0, compact.length() - 2);
        }
        if ("DE".equals(countryIso) && compact.matches("\\d{4}")) {
            compact = "0" + compact;
        }
        return compact.isEmpty() ? null : compact;
    }

    /** Folded city name without district qualifiers: "Frankfurt am Main" and "Frankfurt (Main)" → "frankfurt". */
    public static String city(String city) {
        String folded = TextFold.foldCase(city);
        String trimmed = CITY_NOISE.matcher(folded).replaceAll(" ");
        String result = TextFold.fold(trimmed);
        if (result.isEmpty()) {
            result = TextFold.fold(folded);
        }
        return result.isEmpty() ? null : result;
    }
}
