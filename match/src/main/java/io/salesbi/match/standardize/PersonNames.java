package io.salesbi.match.standardize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Standardizes person names: folded, academic titles and salutations removed. */
public final class PersonNames {

    private static final Set<String> TITLES = Set.of(
            "dr", "prof", "dipl", "ing", "herr", "frau", "hr", "fr", "mr", "mrs", "ms", "miss", "sir", "med", "rer",
            "nat", "phil", "mag", "jun", "sen", "jr", "sr");

    private PersonNames() {}

    /** Folded name tokens without titles, joined by one space; null when nothing is left. */
    public static String standardize(String name) {
        List<String> kept = new ArrayList<>();
        for (String token : TextFold.tokens(name)) {
            if (!TITLES.contains(token)) {
                kept.add(token);
            }
        }
        return kept.isEmpty() ? null : String.join(" ", kept);
    }
}
