package io.salesbi.dashboards;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which years the data covers only in part, from the months with revenue in kpi.channel_pnl: the year of the
 * as-of date ends early, the first year may start late. Comparing such a year with a full one misleads ("revenue
 * fell 10 %" in November), so pages preselect the latest complete year, label partial years with their months and
 * say so in the headline sentences. Without monthly data every year counts as complete.
 */
final class YearCoverage {

    /** Year to [first month, last month] with revenue, for partial years only. */
    private final Map<Integer, int[]> partial;

    private YearCoverage(Map<Integer, int[]> partial) {
        this.partial = partial;
    }

    static YearCoverage of(DataTable months) {
        Map<Integer, int[]> partial = new LinkedHashMap<>();
        for (Map<String, Object> row : months.records()) {
            if (row.get("first_month") == null || row.get("last_month") == null) {
                continue;
            }
            int first = ((Number) row.get("first_month")).intValue();
            int last = ((Number) row.get("last_month")).intValue();
            if (first > 1 || last < 12) {
                partial.put(((Number) row.get("year")).intValue(), new int[] {first, last});
            }
        }
        return new YearCoverage(partial);
    }

    boolean isPartial(int year) {
        return partial.containsKey(year);
    }

    /** The year to preselect: the newest complete one when the newest is partial and an older one exists. */
    int defaultYear(List<Integer> newestFirst) {
        return newestFirst.stream().filter(year -> !isPartial(year)).findFirst().orElse(newestFirst.get(0));
    }

    String label(int year, Messages messages, Locale locale) {
        int[] months = partial.get(year);
        if (months == null) {
            return String.valueOf(year);
        }
        return messages.get("filter.partialYear", year, monthName(months[0], locale), monthName(months[1], locale));
    }

    /** Partial years with their month labels, for the page script. */
    Map<String, String> forScript(Messages messages, Locale locale) {
        Map<String, String> script = new LinkedHashMap<>();
        partial.keySet().forEach(year -> script.put(String.valueOf(year), label(year, messages, locale)));
        return script;
    }

    private static String monthName(int month, Locale locale) {
        return Month.of(month).getDisplayName(TextStyle.SHORT, locale);
    }
}
