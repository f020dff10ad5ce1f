package io.salesbi.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data-quality page's fixed figures from kpi.dq_summary (one row: the warehouse as of the last run), formatted
 * for the reader, including how old the data was when the pages were generated. Timestamps are read as UTC.
 */
record QualitySummary(List<Figure> figures, String lastLoad, String age, boolean empty) {

    /** One labelled figure; {@code warning} marks counts that need a data steward's attention. */
    record Figure(String key, String label, String value, boolean warning) {
    }

    private static final List<String> COUNTS = List.of("golden_customers", "source_records", "duplicates_merged",
            "rows_quarantined", "files_loaded", "files_failed", "customers_without_owner");
    private static final List<String> WARN_WHEN_POSITIVE = List.of("rows_quarantined", "files_failed",
            "customers_without_owner", "wallets_below_revenue");

    static QualitySummary of(DataTable summary, DataTable walletCheck, Instant generatedAt, Formats formats,
                             Messages messages) {
        List<Map<String, Object>> rows = summary.records();
        if (rows.isEmpty()) {
            return new QualitySummary(List.of(), Formats.MISSING, Formats.MISSING, true);
        }
        Map<String, Object> row = rows.get(0);
        List<Figure> figures = new ArrayList<>();
        for (String key : COUNTS) {
            Number value = (Number) row.get(key);
            boolean warning = WARN_WHEN_POSITIVE.contains(key) && value != null && value.longValue() > 0;
            figures.add(new Figure(key, messages.get("dq." + key), formats.count(value), warning));
        }
        // a wallet estimate below the revenue is raised to the revenue in kpi.customer_value: count it as a data issue
        Number below = walletCheck.records().isEmpty() ? null
                : (Number) walletCheck.records().get(0).get("wallets_below_revenue");
        figures.add(new Figure("wallets_below_revenue", messages.get("dq.wallets_below_revenue"), formats.count(below),
                below != null && below.longValue() > 0));
        Object lastLoadAt = row.get("last_load_at");
        if (lastLoadAt == null) {
            return new QualitySummary(figures, Formats.MISSING, Formats.MISSING, false);
        }
        LocalDateTime lastLoad = LocalDateTime.parse(lastLoadAt.toString());
        Duration age = Duration.between(lastLoad.toInstant(ZoneOffset.UTC), generatedAt);
        String ageText = messages.get("dq.ageHours", formats.number(age.toMinutes() / 60.0, 1));
        return new QualitySummary(figures, formats.dateTime(lastLoad) + " UTC", ageText, false);
    }
}
