package io.salesbi.dashboards;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which years the data covers only in part, from the months with positive revenue in kpi.channel_pnl: the year of
 * the as-of date ends early, the first year may start late, and a year with nothing but credit notes has no such
 * month at all. Comparing such a year with a full one misleads ("revenue fell 10 %" in November, "-100 %" for a year
 * of credit notes), so pages preselect the latest complete year, label incomplete years, compare a partial year with
 * the same months of the year before (year to date) and compare a year of credit notes with nothing. Without
 * monthly data every year counts as complete.
 */
final class YearCoverage {

    /** Year to [first month, last month] with revenue, for partial years only. */
    private final Map<Integer, int[]> partial;
    /** Years with rows but no month of positive revenue: credit notes only. */
    private final Set<Integer> creditNotesOnly;

    private YearCoverage(Map<Integer, int[]> partial, Set<Integer> creditNotesOnly) {
        this.partial = partial;
        this.creditNotesOnly = creditNotesOnly;
    }

    static YearCoverage of(DataTable months) {
        Map<Integer, int[]> partial = new LinkedHashMap<>();
        Set<Integer> creditNotesOnly = new LinkedHashSet<>();
        for (Map<String, Object> row : months.records()) {
            int year = ((Number) row.get("year")).intValue();
            if (row.get("first_month") == null || row.get("last_month") == null) {
                creditNotesOnly.add(year);
                continue;
            }
            int first = ((Number) row.get("first_month")).intValue();
            int last = ((Number) row.get("last_month")).intValue();
            if (first > 1 || last < 12) {
                partial.put(year, new int[] {first, last});
            }
        }
        return new YearCoverage(partial, creditNotesOnly);
    }

    boolean isPartial(int year) {
        return partial.containsKey(year) || creditNotesOnly.contains(year);
    }

    /** A year with credit notes but no revenue month: nothing to compare, neither with it nor against it. */
    boolean hasNoOrders(int year) {
        return creditNotesOnly.contains(year);
    }

    /** The year to preselect: the newest complete one when the newest is incomplete and an older one exists. */
    int defaultYear(List<Integer> newestFirst) {
        return newestFirst.stream().filter(year -> !isPartial(year)).findFirst().orElse(newestFirst.get(0));
    }

    String label(int year, Messages messages, Locale locale) {
        if (creditNotesOnly.contains(year)) {
            return messages.get("filter.creditNotesOnly", year);
        }
        int[] months = partial.get(year);
        if (months == null) {
            return String.valueOf(year);
        }
        return messages.get("filter.partialYear", year, monthName(months[0], locale), monthName(months[1], locale));
    }

    /** What a partial year is compared with: the same months of the year before ("Jan.–Nov. 2025"). */
    String priorSpan(int year, Messages messages, Locale locale) {
        int[] months = partial.get(year);
        return months == null
                ? String.valueOf(year - 1)
                : messages.get("move.span", monthName(months[0], locale), monthName(months[1], locale), year - 1);
    }

    /** Incomplete years with their labels, for the page script. */
    Map<String, String> forScript(Messages messages, Locale locale) {
        Map<String, String> script = new LinkedHashMap<>();
        partial.keySet().forEach(year -> script.put(String.valueOf(year), label(year, messages, locale)));
        creditNotesOnly.forEach(year -> script.put(String.valueOf(year), label(year, messages, locale)));
        return script;
    }

    /** Per incomplete year what it is compared with, or null for a year of credit notes only, for the page script. */
    Map<String, String> spansForScript(Messages messages, Locale locale) {
        Map<String, String> script = new LinkedHashMap<>();
        partial.keySet().forEach(year -> script.put(String.valueOf(year), priorSpan(year, messages, locale)));
        creditNotesOnly.forEach(year -> script.put(String.valueOf(year), null));
        return script;
    }

    private static String monthName(int month, Locale locale) {
        return Month.of(month).getDisplayName(TextStyle.SHORT, locale);
    }
}
