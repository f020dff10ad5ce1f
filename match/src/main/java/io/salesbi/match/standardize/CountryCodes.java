package io.salesbi.match.standardize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** Maps country names (German and English), ISO alpha-2 and alpha-3 codes and common aliases to ISO 3166-1 alpha-2. */
public final class CountryCodes {

    private static final Map<String, String> BY_NAME = build();

    private CountryCodes() {}

    /** The ISO alpha-2 code, or null when the text names no known country. */
    public static String toIso(String country) {
        String key = TextFold.fold(country);
        if (key.isEmpty()) {
            return null;
        }
        return BY_NAME.get(key);
    }

    private static Map<String, String> build() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            names.put(code.toLowerCase(Locale.ROOT), code);
            try {
                names.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
            } catch (MissingResourceException e) {
                // a code without alpha-3 equivalent is still found by its alpha-2 code and names
            }
            names.put(TextFold.fold(locale.getDisplayCountry(Locale.ENGLISH)), code);
            names.put(TextFold.fold(locale.getDisplayCountry(Locale.GERMAN)), code);
        }
        String[][] aliases = {
            {"d", "DE"},
            {"brd", "DE"},
            {"bundesrepublik deutschland", "DE"},
            {"germany", "DE"},
            {"uk", "GB"},
            {"england", "GB"},
            {"great britain", "GB"},
            {"grossbritannien", "GB"},
            {"usa", "US"},
            {"u s a", "US"},
            {"us", "US"},
            {"united states of america", "US"},
            {"vereinigte staaten", "US"},
            {"a", "AT"},
            {"ch", "CH"},
            {"schweiz", "CH"},
            {"switzerland", "CH"},
            {"holland", "NL"},
            {"niederlande", "NL"},
            {"polen", "PL"},
            {"oesterreich", "AT"},
            {"tschechien", "CZ"},
            {"czech republic", "CZ"}
        };
        for (String[] alias : aliases) {
            names.put(alias[0], alias[1]);
        }
        return Map.copyOf(names);
    }
}
