package io.salesbi.dashboards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The choices of one filter on one page, taken from the values the page's datasets actually hold, so a filter
 * never offers a value that would show an empty page. Years are sorted newest first; the newest complete year is
 * preselected and partial years say which months they cover ({@link YearCoverage}); survey waves are sorted newest
 * first with the newest preselected.
 */
record FilterOptions(String name, List<Option> options, String selected) {

    /** The respondent role of the self-assessment's rows that pool every role: shown when no role is chosen. */
    static final String ALL_ROLES = "all";

    /** One choice; {@code value} is what the data holds, {@code label} what the reader sees. */
    record Option(String value, String label) {}

    /** These options without the values outside {@code values}; the selection, when it is one of them, stays. */
    FilterOptions only(java.util.Set<String> values) {
        List<Option> kept =
                options.stream().filter(o -> values.contains(o.value())).toList();
        return new FilterOptions(name, kept, values.contains(selected) ? selected : "");
    }

    static FilterOptions of(
            Page.Filter filter,
            List<DataTable> tables,
            Map<String, String> channelNames,
            YearCoverage coverage,
            Messages messages,
            java.util.Locale locale) {
        if (filter == Page.Filter.PERIOD) {
            return periods(tables, messages, locale);
        }
        TreeSet<String> values = new TreeSet<>(
                switch (filter) {
                    case YEAR ->
                        Comparator.<String, Integer>comparing(Integer::valueOf).reversed();
                    case WAVE -> Comparator.<String>reverseOrder();
                    default -> Comparator.<String>naturalOrder();
                });
        for (DataTable table : tables) {
            if (table.cols().contains(filter.column)) {
                table.distinct(filter.column).stream().map(Objects::toString).forEach(values::add);
            }
        }
        List<Option> options = new ArrayList<>();
        if (filter == Page.Filter.ROLE) {
            values.remove(ALL_ROLES);
        }
        for (String value : values) {
            String label = switch (filter) {
                case CHANNEL -> channelNames.getOrDefault(value, messages.label("touchChannel", value));
                case REGION -> messages.label("region", value);
                case SEGMENT -> messages.label("segment", value);
                case YEAR -> coverage.label(Integer.parseInt(value), messages, locale);
                case ROLE -> messages.get("surveyRole." + value);
                default -> value;
            };
            options.add(new Option(value, label));
        }
        String selected = "";
        if (filter == Page.Filter.YEAR && !values.isEmpty()) {
            selected = String.valueOf(
                    coverage.defaultYear(values.stream().map(Integer::valueOf).toList()));
        } else if (filter == Page.Filter.WAVE && !values.isEmpty()) {
            selected = values.first();
        }
        return new FilterOptions(filter.column, options, selected);
    }

    /** The whole year (preselected). */
    static final String WHOLE_YEAR = "year";

    /**
     * The spans of the period filter: whole year, year to date, rolling 12 months, the quarters and the months (the
     * page script resolves them against the selected year and the months the data covers); none when no dataset of
     * the page has a month with data.
     */
    private static FilterOptions periods(List<DataTable> tables, Messages messages, java.util.Locale locale) {
        boolean monthly = tables.stream()
                .anyMatch(t -> t.cols().contains("month") && !t.rows().isEmpty());
        List<Option> options = new ArrayList<>();
        if (monthly) {
            for (String period : List.of(WHOLE_YEAR, "ytd", "r12", "q1", "q2", "q3", "q4")) {
                options.add(new Option(period, messages.get("period." + period)));
            }
            for (java.time.Month month : java.time.Month.values()) {
                options.add(new Option(
                        "m" + month.getValue(),
                        month.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale)));
            }
        }
        return new FilterOptions(Page.Filter.PERIOD.column, options, monthly ? WHOLE_YEAR : "");
    }
}
