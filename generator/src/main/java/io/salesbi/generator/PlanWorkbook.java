package io.salesbi.generator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes controlling's sales plan (Absatzplan) for the last two years: planned revenue and contribution (Deckungsbeitrag
 * I) per month, channel and sales region, all product groups together (mapping sales_plan). Each channel and region
 * is planned at what it sold that year times a target factor of 0.96 to 1.05, spread over the months as it sold
 * (each month ±8 %), so that a year ends within a few percent of plan. Planted: the distributors in the region where
 * they sell most sold 20 % under plan in the last year (plan = actual / 0.8 in every month), listed in
 * {@code truth/planted_plan_gap.csv}.
 *
 * <p>Self-contained: its random numbers come from its own stream seeded from the generator's seed, so the other
 * files do not change; its basis is the ledger's revenue and margin per channel, region and month.
 */
final class PlanWorkbook {

    static final String FILE =
            "Absatzplan_" + (GeneratorSettings.LAST_YEAR - 1) + "-" + GeneratorSettings.LAST_YEAR + ".xlsx";
    static final String SHEET = "Plan";
    static final String[] HEADER = {"Monat", "Kanal", "Region", "Warengruppe", "Umsatz Plan EUR", "DB Plan EUR"};
    static final SalesChannel PLANTED_CHANNEL = SalesChannel.HANDELSPARTNER;
    static final double PLANTED_SHARE_OF_PLAN = 0.8;
    private static final long STREAM = 0x506c_616e_5769_6eL;

    private final Rng rng;
    private final LocalDate stamp;

    PlanWorkbook(long seed, LocalDate stamp) {
        this.rng = new Rng(seed ^ STREAM);
        this.stamp = stamp;
    }

    /** Writes inbox/plan/Absatzplan_*.xlsx and truth/planted_plan_gap.csv; returns the plan rows written. */
    long write(Path inbox, Path truth, SalesLedger ledger) throws IOException {
        int lastYear = SalesLedger.YEARS - 1;
        int plantedRegion = plantedRegion(ledger, lastYear);
        SXSSFWorkbook wb = XlsxWorkbooks.create();
        CellStyle month = XlsxWorkbooks.format(wb, "mm.yyyy");
        CellStyle money = XlsxWorkbooks.format(wb, "#,##0.00");
        SXSSFSheet sheet = wb.createSheet(SHEET);
        Row head = sheet.createRow(0);
        for (int c = 0; c < HEADER.length; c++) {
            head.createCell(c).setCellValue(HEADER[c]);
        }
        int r = 1;
        for (int year = lastYear - 1; year <= lastYear; year++) {
            for (SalesChannel channel : SalesChannel.values()) {
                for (int region = 0; region < SalesLedger.REGIONS.length; region++) {
                    double[] revenue = ledger.revenueByChannelRegionMonth[channel.ordinal()][region];
                    double[] margin = ledger.marginByChannelRegionMonth[channel.ordinal()][region];
                    double yearRevenue = 0;
                    double yearMargin = 0;
                    for (int m = year * 12; m < year * 12 + 12; m++) {
                        yearRevenue += revenue[m];
                        yearMargin += margin[m];
                    }
                    if (yearRevenue <= 0) {
                        continue;
                    }
                    boolean planted = year == lastYear && channel == PLANTED_CHANNEL && region == plantedRegion;
                    double factor = planted ? 1 / PLANTED_SHARE_OF_PLAN : rng.between(0.96, 1.05);
                    double marginRatio = yearMargin / yearRevenue;
                    for (int m = year * 12; m < year * 12 + 12; m++) {
                        double plan = revenue[m] * factor * (planted ? 1 : rng.between(0.92, 1.08));
                        Row row = sheet.createRow(r++);
                        row.createCell(0).setCellValue(OrderCalendar.FIRST_DAY.plusMonths(m));
                        row.getCell(0).setCellStyle(month);
                        row.createCell(1).setCellValue(channel.erpName);
                        row.createCell(2).setCellValue(SalesLedger.REGIONS[region]);
                        row.createCell(4).setCellValue(Math.round(plan * 100) / 100.0);
                        row.getCell(4).setCellStyle(money);
                        row.createCell(5).setCellValue(Math.round(plan * marginRatio * 100) / 100.0);
                        row.getCell(5).setCellStyle(money);
                    }
                }
            }
        }
        Path file = inbox.resolve("plan").resolve(FILE);
        Files.createDirectories(file.getParent());
        XlsxWorkbooks.save(wb, file, stamp);
        Files.createDirectories(truth);
        try (Writer w = Files.newBufferedWriter(truth.resolve("planted_plan_gap.csv"), StandardCharsets.UTF_8)) {
            w.write("channel,region,year,actual_share_of_plan\n");
            w.write(String.format(
                    Locale.ROOT,
                    "%s,%s,%d,%.2f%n",
                    PLANTED_CHANNEL.erpName,
                    SalesLedger.REGIONS[plantedRegion],
                    GeneratorSettings.FIRST_YEAR + lastYear,
                    PLANTED_SHARE_OF_PLAN));
        }
        return r - 1L;
    }

    /** The region where the planted channel sold most in the year (its largest plan, so the gap shows). */
    private static int plantedRegion(SalesLedger ledger, int year) {
        int best = 0;
        double bestRevenue = -1;
        for (int region = 0; region < SalesLedger.REGIONS.length; region++) {
            double sum = 0;
            for (int m = year * 12; m < year * 12 + 12; m++) {
                sum += ledger.revenueByChannelRegionMonth[PLANTED_CHANNEL.ordinal()][region][m];
            }
            if (sum > bestRevenue) {
                best = region;
                bestRevenue = sum;
            }
        }
        return best;
    }
}
