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

    /**
     * A US ZIP+4 ("60613-8178") as its five-digit ZIP for comparison: lists write the four-digit delivery segment or
     * leave it out as they please, so "60613" and "60613-8178" are one postcode, not two that share a region. Only
     * the US form (five digits, a hyphen, four digits) is cut; postcodes of other countries with a hyphen
     * (Portugal's "1000-001", Poland's "00-950", Brazil's "01310-100") are left as they are.
     */
    public static String withoutZipExtension(String postcode) {
        return postcode != null && US_ZIP_PLUS_FOUR.matcher(postcode).matches() ? postcode.substring(0, 5) : postcode;
    }

    private static final Pattern US_ZIP_PLUS_FOUR = Pattern.compile("\\d{5}-\\d{4}");

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
