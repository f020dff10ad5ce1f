package io.salesbi.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes controlling's channel costs per channel, month and cost type. Personnel is a steady monthly cost sized to
 * the channel's yearly revenue, travel follows the month's business, commissions and platform fees are a share of
 * the month's revenue, marketing peaks in the trade fair months (April, November). The sales management's overhead
 * (Kanal "Gemeinkosten", one of the shared_cost_channels) is the shared pool the channel P&L allocates: without it
 * every allocated cost of the demo would read 0. It is a fixed share of the month's revenue and draws no random
 * number, so the channels' own costs stay as they were.
 */
final class ChannelCostWriter {

    static final String FILE = "Kanalkosten.xlsx";
    static final String SHEET = "Kanalkosten";
    static final String[] HEADER = {"Kanal", "Monat", "Kostenart", "Betrag EUR"};
    static final String SHARED_POOL = "Gemeinkosten";
    static final String SHARED_COST_TYPE = "Vertriebsleitung";
    private static final double SHARED_SHARE_OF_REVENUE = 0.02;
    private static final double[] MARKETING_SEASON = {0.8, 0.8, 0.9, 2.2, 0.8, 0.8, 0.6, 0.5, 0.9, 1.0, 2.0, 0.7};

    private final Rng rng;
    private final LocalDate stamp;

    ChannelCostWriter(Rng rng, LocalDate stamp) {
        this.rng = rng;
        this.stamp = stamp;
    }

    long write(Path file, SalesLedger ledger) throws IOException {
        SXSSFWorkbook wb = XlsxWorkbooks.create();
        CellStyle month = XlsxWorkbooks.format(wb, "mm.yyyy");
        CellStyle money = XlsxWorkbooks.format(wb, "#,##0.00");
        SXSSFSheet sheet = wb.createSheet(SHEET);
        Row head = sheet.createRow(0);
        for (int c = 0; c < HEADER.length; c++) {
            head.createCell(c).setCellValue(HEADER[c]);
        }
        int r = 1;
        for (int m = 0; m < FxRates.MONTHS; m++) {
            for (SalesChannel channel : SalesChannel.values()) {
                double[] revenue = ledger.revenueByChannelMonth[channel.ordinal()];
                double monthRevenue = revenue[m];
                double yearAverage = yearAverage(revenue, m / 12);
                for (int t = 0; t < SalesChannel.COST_TYPES.length; t++) {
                    double ratio = channel.costRatios[t];
                    if (ratio == 0) {
                        continue;
                    }
                    double amount = switch (t) {
                        case 0 -> ratio * yearAverage * rng.between(0.97, 1.03);
                        case 1 -> ratio * monthRevenue * rng.between(0.8, 1.2);
                        case 4 -> ratio * yearAverage * MARKETING_SEASON[m % 12] * rng.between(0.9, 1.1);
                        default -> ratio * monthRevenue;
                    };
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(channel.erpName);
                    row.createCell(1).setCellValue(OrderCalendar.FIRST_DAY.plusMonths(m));
                    row.getCell(1).setCellStyle(month);
                    row.createCell(2).setCellValue(SalesChannel.COST_TYPES[t]);
                    row.createCell(3).setCellValue(Math.round(amount * 100) / 100.0);
                    row.getCell(3).setCellStyle(money);
                }
            }
            double monthTotal = 0;
            for (SalesChannel channel : SalesChannel.values()) {
                monthTotal += ledger.revenueByChannelMonth[channel.ordinal()][m];
            }
            Row shared = sheet.createRow(r++);
            shared.createCell(0).setCellValue(SHARED_POOL);
            shared.createCell(1).setCellValue(OrderCalendar.FIRST_DAY.plusMonths(m));
            shared.getCell(1).setCellStyle(month);
            shared.createCell(2).setCellValue(SHARED_COST_TYPE);
            shared.createCell(3).setCellValue(Math.round(SHARED_SHARE_OF_REVENUE * monthTotal * 100) / 100.0);
            shared.getCell(3).setCellStyle(money);
        }
        XlsxWorkbooks.save(wb, file, stamp);
        return r - 1L;
    }

    private static double yearAverage(double[] monthly, int year) {
        double sum = 0;
        for (int m = year * 12; m < year * 12 + 12; m++) {
            sum += monthly[m];
        }
        return sum / 12;
    }
}
