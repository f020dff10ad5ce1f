package io.salesbi.dashboards;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The overview's headline KPIs for one year against the year before, unfiltered: revenue, gross margin,
 * contribution, market share, active customers and price realization, each with the member of one dimension that
 * moved most. The page script repeats exactly these rules when a filter changes (dashboard-overview.js, headlines()).
 * A partial year's amounts and price realization are compared with the same months of the year before (year to
 * date); market share and customers, kept per year only, say that a partial year is compared; a year of credit
 * notes only is compared with nothing.
 */
final class Headlines {

    private final KpiQueries kpi;
    private final Formats formats;
    private final Messages messages;
    private final Map<String, String> channelNames;
    private final YearCoverage coverage;
    private final java.util.Locale locale;

    Headlines(
            KpiQueries kpi,
            Formats formats,
            Messages messages,
            Map<String, String> channelNames,
            YearCoverage coverage,
            java.util.Locale locale) {
        this.coverage = coverage;
        this.locale = locale;
        this.kpi = kpi;
        this.formats = formats;
        this.messages = messages;
        this.channelNames = channelNames;
    }

    List<Headline> forYear(int year) throws java.sql.SQLException {
        DataTable cubeSpan = kpi.get("cubePriorSpan");
        boolean spanned = coverage.isPartial(year)
                && !coverage.hasNoOrders(year)
                && !cubeSpan.cols().isEmpty();
        DataTable cube = spanned ? comparable(kpi.get("cube"), cubeSpan, year) : kpi.get("cube");
        DataTable pnl = spanned ? comparable(kpi.get("pnl"), kpi.get("pnlPriorSpan"), year) : kpi.get("pnl");
        String against = spanned ? coverage.priorSpan(year, messages, locale) : String.valueOf(year - 1);
        DataTable market = kpi.get("market");
        List<Headline> headlines = new ArrayList<>();
        DataTable flow = kpi.get("customerFlow");
        headlines.add(
                orNoData("revenue", cube, year, () -> amount("revenue", cube, year, "segment", "net", null, against)));
        headlines.add(orNoData(
                "grossMargin", cube, year, () -> amount("grossMargin", cube, year, "channel", "net", "cogs", against)));
        headlines.add(orNoData(
                "contribution",
                pnl,
                year,
                () -> amount("contribution", pnl, year, "channel", "contribution", null, against)));
        headlines.add(orNoData(
                "marketShare",
                market,
                year,
                () -> ratio("marketShare", market, year, "segment", "own", "volume", String.valueOf(year - 1))));
        headlines.add(orNoData("activeCustomers", flow, year, () -> customers(flow, year)));
        headlines.add(orNoData(
                "priceRealization",
                cube,
                year,
                () -> ratio("priceRealization", cube, year, "channel", "net", "list", against)));
        if (coverage.hasNoOrders(year) || coverage.hasNoOrders(year - 1)) {
            // a year of credit notes only against a full one would read -100 %: no comparison at all
            headlines.replaceAll(h -> h.value().equals(Formats.MISSING)
                    ? h
                    : new Headline(
                            h.key(),
                            h.label(),
                            h.value(),
                            Formats.MISSING,
                            "flat",
                            messages.get("move.noOrders"),
                            h.exact()));
        } else if (coverage.isPartial(year) || coverage.isPartial(year - 1)) {
            String warning = " " + messages.get("move.partial");
            List<String> yearToDate =
                    spanned ? List.of("revenue", "grossMargin", "contribution", "priceRealization") : List.of();
            headlines.replaceAll(h -> yearToDate.contains(h.key())
                    ? h
                    : new Headline(
                            h.key(), h.label(), h.value(), h.change(), h.trend(), h.sentence() + warning, h.exact()));
        }
        return headlines;
    }

    /** The year's rows, and in place of the year before that year's rows of the same months (spanRows). */
    private static DataTable comparable(DataTable table, DataTable spanRows, int year) {
        List<List<Object>> rows = new ArrayList<>();
        int yearColumn = table.index("year");
        table.rows().stream()
                .filter(row -> ((Number) row.get(yearColumn)).intValue() == year)
                .forEach(rows::add);
        for (Map<String, Object> span : spanRows.records()) {
            if (((Number) span.get("year")).intValue() == year) {
                List<Object> row = new ArrayList<>();
                table.cols().forEach(col -> row.add("year".equals(col) ? year - 1 : span.get(col)));
                rows.add(row);
            }
        }
        return new DataTable(table.cols(), rows);
    }

    /** A KPI whose data has no row for the year (a market study not yet delivered) says so instead of 0. */
    private Headline orNoData(String key, DataTable table, int year, java.util.function.Supplier<Headline> headline) {
        return hasYear(table, year)
                ? headline.get()
                : new Headline(
                        key,
                        messages.get("kpi." + key),
                        Formats.MISSING,
                        Formats.MISSING,
                        "flat",
                        messages.get("move.noData", year));
    }

    private Headline amount(
            String key, DataTable table, int year, String by, String plus, String minus, String against) {
        // a margin of a year with products without standard cost is not available: never counted as a cost of 0
        if (anyNull(table, year, plus, minus)) {
            return new Headline(
                    key,
                    messages.get("kpi." + key),
                    messages.get("value.na"),
                    Formats.MISSING,
                    "flat",
                    messages.get("move.notAvailable"));
        }
        Map<Object, BigDecimal[]> members = sums(table, year, by, plus, minus);
        BigDecimal current = total(members, 0);
        BigDecimal previous = total(members, 1);
        boolean hasPrevious = hasYear(table, year - 1) && !anyNull(table, year - 1, plus, minus);
        BigDecimal delta = current.subtract(previous);
        String change = hasPrevious && previous.signum() != 0
                ? formats.signedPercent(delta.divide(previous.abs(), MathContext.DECIMAL64))
                : Formats.MISSING;
        Object driver = members.entrySet().stream()
                .max(Comparator.comparing(
                        e -> e.getValue()[0].subtract(e.getValue()[1]).abs()))
                .map(Map.Entry::getKey)
                .orElse(null);
        String driverDelta =
                driver == null ? "" : formats.signedMoney(members.get(driver)[0].subtract(members.get(driver)[1]));
        String changeSize = hasPrevious && previous.signum() != 0
                ? formats.percent(
                        delta.divide(previous.abs(), MathContext.DECIMAL64).abs())
                : Formats.MISSING;
        Headline card = headline(
                key,
                formats.compactMoney(current),
                change,
                changeSize,
                delta.signum(),
                hasPrevious,
                against,
                driver,
                by,
                driverDelta);
        return new Headline(
                card.key(),
                card.label(),
                card.value(),
                card.change(),
                card.trend(),
                card.sentence(),
                formats.money(current));
    }

    private Headline ratio(
            String key, DataTable table, int year, String by, String numerator, String denominator, String against) {
        Map<Object, BigDecimal[]> num = sums(table, year, by, numerator, null);
        Map<Object, BigDecimal[]> den = sums(table, year, by, denominator, null);
        Double current = ratio(total(num, 0), total(den, 0));
        Double previous = ratio(total(num, 1), total(den, 1));
        boolean hasPrevious = hasYear(table, year - 1) && previous != null;
        Double points = hasPrevious && current != null ? (current - previous) * 100 : null;
        Object driver = null;
        double driverPoints = 0;
        for (Object member : num.keySet()) {
            Double now = ratio(num.get(member)[0], den.get(member)[0]);
            Double before = ratio(num.get(member)[1], den.get(member)[1]);
            if (now != null && before != null && (driver == null || Math.abs(now - before) > Math.abs(driverPoints))) {
                driver = member;
                driverPoints = now - before;
            }
        }
        int direction = points == null ? 0 : Long.signum(Math.round(points * 10));
        return headline(
                key,
                formats.percent(current),
                formats.points(points),
                points == null ? Formats.MISSING : formats.pointsSize(points),
                direction,
                hasPrevious,
                against,
                driver,
                by,
                formats.points(driverPoints * 100));
    }

    private Headline customers(DataTable flow, int year) {
        long active = 0;
        long gained = 0;
        long lost = 0;
        long previous = 0;
        for (Map<String, Object> row : flow.records()) {
            int rowYear = ((Number) row.get("year")).intValue();
            if (rowYear == year) {
                active += ((Number) row.get("active")).longValue();
                gained += ((Number) row.get("gained")).longValue();
                lost += ((Number) row.get("lost")).longValue();
            } else if (rowYear == year - 1) {
                previous += ((Number) row.get("active")).longValue();
            }
        }
        boolean hasPrevious = hasYear(flow, year - 1);
        String label = messages.get("kpi.activeCustomers");
        String sentence = hasPrevious
                ? messages.get("move.customers", formats.count(gained), formats.count(lost), year - 1)
                : messages.get("move.noPrevious");
        long delta = active - previous;
        return new Headline(
                "activeCustomers",
                label,
                formats.count(active),
                hasPrevious ? formats.signedCount(delta) : Formats.MISSING,
                trend(Long.signum(delta), hasPrevious),
                sentence);
    }

    private Headline headline(
            String key,
            String value,
            String change,
            String changeSize,
            int direction,
            boolean hasPrevious,
            String against,
            Object driver,
            String by,
            String driverDelta) {
        String label = messages.get("kpi." + key);
        String sentence;
        if (!hasPrevious) {
            sentence = messages.get("move.noPrevious");
        } else {
            String template = direction > 0 ? "move.up" : direction < 0 ? "move.down" : "move.flat";
            sentence = messages.get(template, label, changeSize, against);
            if (driver != null) {
                sentence += " " + messages.get("move.driver", memberName(by, driver), driverDelta);
            }
        }
        return new Headline(
                key, label, value, hasPrevious ? change : Formats.MISSING, trend(direction, hasPrevious), sentence);
    }

    private String memberName(String by, Object member) {
        if (member == null) {
            return messages.get("member.none");
        }
        return "channel".equals(by)
                ? channelNames.getOrDefault(String.valueOf(member), String.valueOf(member))
                : messages.label(by, member);
    }

    private static String trend(int direction, boolean hasPrevious) {
        return !hasPrevious || direction == 0 ? "flat" : direction > 0 ? "up" : "down";
    }

    /** Per member of {@code by}: [this year, last year] of plus minus the optional minus column. */
    private static Map<Object, BigDecimal[]> sums(DataTable table, int year, String by, String plus, String minus) {
        Map<Object, BigDecimal[]> sums = new HashMap<>();
        for (Map<String, Object> row : table.records()) {
            int rowYear = ((Number) row.get("year")).intValue();
            if (rowYear != year && rowYear != year - 1) {
                continue;
            }
            BigDecimal value = decimal(row.get(plus));
            if (minus != null) {
                value = value.subtract(decimal(row.get(minus)));
            }
            Object member = row.get(by) == null ? null : String.valueOf(row.get(by));
            BigDecimal[] pair = sums.computeIfAbsent(member, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            pair[rowYear == year ? 0 : 1] = pair[rowYear == year ? 0 : 1].add(value);
        }
        return sums;
    }

    private static BigDecimal total(Map<Object, BigDecimal[]> sums, int index) {
        return sums.values().stream().map(pair -> pair[index]).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Double ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator == null || denominator.signum() == 0
                ? null
                : numerator.divide(denominator, MathContext.DECIMAL64).doubleValue();
    }

    private static boolean anyNull(DataTable table, int year, String plus, String minus) {
        return table.records().stream()
                .anyMatch(row -> ((Number) row.get("year")).intValue() == year
                        && (row.get(plus) == null || minus != null && row.get(minus) == null));
    }

    private static boolean hasYear(DataTable table, int year) {
        return table.distinct("year").stream().anyMatch(y -> ((Number) y).intValue() == year);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
