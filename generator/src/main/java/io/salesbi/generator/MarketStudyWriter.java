package io.salesbi.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the market study: market volume per industry, region and year, sized so that the demo company's own
 * revenue is a share of 3 to 25% of it, with the three largest (fictional) competitors and their shares.
 */
final class MarketStudyWriter {

    static final String FILE = "Marktstudie.xlsx";
    static final String SHEET = "Marktvolumen";
    static final String[] HEADER = {
        "Branche",
        "Region",
        "Jahr",
        "Marktvolumen EUR",
        "Wettbewerber 1",
        "Anteil 1",
        "Wettbewerber 2",
        "Anteil 2",
        "Wettbewerber 3",
        "Anteil 3"
    };
    static final double MIN_OWN_SHARE = 0.03;
    static final double MAX_OWN_SHARE = 0.25;
    static final String[] COMPETITORS = {
        "Kessler Antriebe AG", "Voltmann Drives GmbH", "Nordtec Automation SE", "Hagedorn Elektromotoren GmbH",
        "Brandauer Getriebe KG", "Sentronic Sensorsysteme GmbH", "Alpentec Motion AG", "Rheinmotor GmbH",
        "Westfalia Antriebstechnik GmbH", "EuroDrive Systems S.A."
    };

    private final Rng rng;
    private final LocalDate stamp;

    MarketStudyWriter(Rng rng, LocalDate stamp) {
        this.rng = rng;
        this.stamp = stamp;
    }

    long write(Path file, SalesLedger ledger) throws IOException {
        SXSSFWorkbook wb = XlsxWorkbooks.create();
        CellStyle percent = XlsxWorkbooks.format(wb, "0.0%");
        CellStyle money = XlsxWorkbooks.format(wb, "#,##0");
        SXSSFSheet sheet = wb.createSheet(SHEET);
        sheet.createRow(0)
                .createCell(0)
                .setCellValue(
                        "Marktstudie Antriebs- und Automatisierungstechnik: Marktvolumen nach Branche, Region und Jahr");
        sheet.getRow(0).getCell(0).setCellStyle(XlsxWorkbooks.bold(wb, (short) 14));
        Row head = sheet.createRow(2);
        for (int c = 0; c < HEADER.length; c++) {
            head.createCell(c).setCellValue(HEADER[c]);
        }
        double typicalSegment = typicalSegmentRevenue(ledger);
        int r = 3;
        for (Industry industry : Industry.values()) {
            for (int region = 0; region < SalesLedger.REGIONS.length; region++) {
                double ownShare = rng.between(MIN_OWN_SHARE + 0.01, MAX_OWN_SHARE - 0.02);
                int[] competitors = threeCompetitors();
                double s1 = rng.between(0.12, 0.28);
                double s2 = s1 * rng.between(0.35, 0.8);
                double s3 = s2 * rng.between(0.35, 0.75);
                for (int y = 0; y < SalesLedger.YEARS; y++) {
                    double own = ledger.revenueBySegment[industry.ordinal()][region][y];
                    double share =
                            Math.max(MIN_OWN_SHARE, Math.min(MAX_OWN_SHARE, ownShare + rng.between(-0.01, 0.01)));
                    double volume = own > 0 ? own / share : typicalSegment * rng.between(0.5, 1.5);
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(industry.label);
                    row.createCell(1).setCellValue(SalesLedger.REGIONS[region]);
                    row.createCell(2).setCellValue(GeneratorSettings.FIRST_YEAR + y);
                    row.createCell(3).setCellValue(threeSignificantDigits(volume));
                    row.getCell(3).setCellStyle(money);
                    double[] shares = {s1, s2, s3};
                    for (int k = 0; k < 3; k++) {
                        row.createCell(4 + 2 * k).setCellValue(COMPETITORS[competitors[k]]);
                        double drift = Math.round((shares[k] + rng.between(-0.005, 0.005)) * 1000) / 1000.0;
                        row.createCell(5 + 2 * k).setCellValue(drift);
                        row.getCell(5 + 2 * k).setCellStyle(percent);
                    }
                }
            }
        }
        XlsxWorkbooks.save(wb, file, stamp);
        return r - 3L;
    }

    /** Mean own revenue of a segment and year, divided by a mid share: the size of a segment we do not serve. */
    private static double typicalSegmentRevenue(SalesLedger ledger) {
        double total = 0;
        for (double[][] byRegion : ledger.revenueBySegment) {
            for (double[] byYear : byRegion) {
                for (double v : byYear) {
                    total += v;
                }
            }
        }
        int cells = Industry.values().length * SalesLedger.REGIONS.length * SalesLedger.YEARS;
        return Math.max(1_000_000, total / cells / 0.10);
    }

    private int[] threeCompetitors() {
        int a = rng.nextInt(COMPETITORS.length);
        int b = (a + 1 + rng.nextInt(COMPETITORS.length - 1)) % COMPETITORS.length;
        int c;
        do {
            c = rng.nextInt(COMPETITORS.length);
        } while (c == a || c == b);
        return new int[] {a, b, c};
    }

    static double threeSignificantDigits(double value) {
        if (value <= 0) {
            return 0;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)) - 2);
        return Math.round(value / magnitude) * magnitude;
    }
}
