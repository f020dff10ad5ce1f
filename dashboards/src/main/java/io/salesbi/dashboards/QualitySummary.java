package io.salesbi.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data-quality page's fixed figures from kpi.dq_summary (one row: the warehouse as of the last run), formatted
 * for the reader, including how old the data was when the pages were generated: counted from the newest date a
 * loaded file carries (a file of yesterday loaded a minute ago is a day old), from the last load only where no file
 * is dated. Timestamps are read as UTC.
 */
record QualitySummary(List<Figure> figures, String lastLoad, String dataDate, String age, boolean empty) {

    /** Is the age counted from a file's date (else from the last load)? */
    public boolean hasDataDate() {
        return !Formats.MISSING.equals(dataDate);
    }

    /** One labelled figure; {@code warning} marks counts that need a data steward's attention. */
    record Figure(String key, String label, String value, boolean warning) {}

    private static final List<String> COUNTS = List.of(
            "golden_customers",
            "source_records",
            "duplicates_merged",
            "rows_quarantined",
            "files_loaded",
            "files_failed",
            "customers_without_owner");
    private static final List<String> WARN_WHEN_POSITIVE =
            List.of("rows_quarantined", "files_failed", "customers_without_owner", "wallets_below_revenue");

    static QualitySummary of(
            DataTable summary, DataTable walletCheck, Instant generatedAt, Formats formats, Messages messages) {
        List<Map<String, Object>> rows = summary.records();
        if (rows.isEmpty()) {
            return new QualitySummary(List.of(), Formats.MISSING, Formats.MISSING, Formats.MISSING, true);
        }
        Map<String, Object> row = rows.get(0);
        List<Figure> figures = new ArrayList<>();
        for (String key : COUNTS) {
            Number value = (Number) row.get(key);
            boolean warning = WARN_WHEN_POSITIVE.contains(key) && value != null && value.longValue() > 0;
            figures.add(new Figure(key, messages.get("dq." + key), formats.count(value), warning));
        }
        // a wallet estimate below the revenue is raised to the revenue in kpi.customer_value: count it as a data issue
        Number below = walletCheck.records().isEmpty()
                ? null
                : (Number) walletCheck.records().get(0).get("wallets_below_revenue");
        figures.add(new Figure(
                "wallets_below_revenue",
                messages.get("dq.wallets_below_revenue"),
                formats.count(below),
                below != null && below.longValue() > 0));
        Object lastLoadAt = row.get("last_load_at");
        Object newestFileDate = row.get("newest_file_date");
        String lastLoadText = Formats.MISSING;
        String ageText = Formats.MISSING;
        if (lastLoadAt != null) {
            LocalDateTime lastLoad = LocalDateTime.parse(lastLoadAt.toString());
            Duration age = Duration.between(lastLoad.toInstant(ZoneOffset.UTC), generatedAt);
            lastLoadText = formats.dateTime(lastLoad) + " UTC";
            ageText = messages.get("dq.ageHours", formats.number(age.toMinutes() / 60.0, 1));
        }
        if (newestFileDate == null) {
            return new QualitySummary(figures, lastLoadText, Formats.MISSING, ageText, false);
        }
        LocalDate dataDate = LocalDate.parse(newestFileDate.toString());
        long days = ChronoUnit.DAYS.between(dataDate, LocalDate.ofInstant(generatedAt, ZoneOffset.UTC));
        String dayAge = days == 0
                ? messages.get("dq.ageToday")
                : days == 1 ? messages.get("dq.ageOneDay") : messages.get("dq.ageDays", formats.count(days));
        return new QualitySummary(figures, lastLoadText, formats.date(dataDate), dayAge, false);
    }
}
