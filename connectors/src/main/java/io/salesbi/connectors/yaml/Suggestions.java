package io.salesbi.connectors.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean …": the known name closest to a misspelled one, when it is close enough to be the one meant. */
public final class Suggestions {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestions() {}

    /** The closest of {@code known} to {@code typed}, within a third of its length (at least 2 edits). */
    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null || known.isEmpty()) {
            return Optional.empty();
        }
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, t.length() / 3);
        return known.stream()
                .min(Comparator.comparingInt((String k) -> DISTANCE.apply(t, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(k -> DISTANCE.apply(t, k.toLowerCase(Locale.ROOT)) <= limit);
    }

    /** {@code " (did you mean 'x'?)"} or the empty string. */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }
}
