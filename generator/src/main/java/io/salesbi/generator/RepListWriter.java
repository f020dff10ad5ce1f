package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.RepList;
import io.salesbi.generator.SourceRecords.RepListRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one rep's customer list as reps keep them: a title, the "Stand" date, an empty row, merged group headers
 * (Adresse, Kontakt) above the header row, then the rows; some PLZ typed as numbers (losing the leading zero).
 */
final class RepListWriter {

    static final String SHEET = "Kunden";
    static final String[] HEADER = {
        "Nr.", "Firma", "Straße", "PLZ", "Ort", "Ansprechpartner", "Telefon", "E-Mail", "Potenzial EUR", "Bemerkung"
    };
    static final int HEADER_ROW = 4;
    private static final int[] WIDTHS = {6, 40, 30, 8, 22, 24, 22, 32, 16, 30};

    private final LocalDate exportDate;
    private final DefectLog defects;

    RepListWriter(LocalDate exportDate, DefectLog defects) {
        this.exportDate = exportDate;
        this.defects = defects;
    }

    long write(Path file, RepList list, WalletEstimator wallets, Rng rng) throws IOException {
        SXSSFWorkbook wb = XlsxWorkbooks.create();
        CellStyle title = XlsxWorkbooks.bold(wb, (short) 14);
        CellStyle header = XlsxWorkbooks.bold(wb, (short) 11);
        CellStyle group = XlsxWorkbooks.bold(wb, (short) 11);
        group.setAlignment(HorizontalAlignment.CENTER);
        CellStyle money = XlsxWorkbooks.format(wb, "#,##0 \"€\"");
        SXSSFSheet sheet = wb.createSheet(SHEET);
        for (int c = 0; c < WIDTHS.length; c++) {
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        Row titleRow = sheet.createRow(0);
        titleRow.createCell(0).setCellValue("Kundenliste Außendienst – " + list.repName());
        titleRow.getCell(0).setCellStyle(title);
        sheet.createRow(1).createCell(0).setCellValue("Stand: " + Numbers.german(exportDate));
        Row groups = sheet.createRow(3);
        groups.createCell(2).setCellValue("Adresse");
        groups.createCell(5).setCellValue("Kontakt");
        groups.getCell(2).setCellStyle(group);
        groups.getCell(5).setCellStyle(group);
        sheet.addMergedRegion(new CellRangeAddress(3, 3, 2, 4));
        sheet.addMergedRegion(new CellRangeAddress(3, 3, 5, 7));
        Row head = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < HEADER.length; c++) {
            head.createCell(c).setCellValue(HEADER[c]);
            head.getCell(c).setCellStyle(header);
        }
        int nr = 0;
        for (RepListRow r : list.rows()) {
            Row row = sheet.createRow(HEADER_ROW + 1 + nr);
            nr++;
            row.createCell(0).setCellValue(nr);
            text(row, 1, r.firma());
            text(row, 2, r.street());
            if (r.postcodeAsNumber() && !r.postcode().isEmpty()) {
                row.createCell(3).setCellValue(Integer.parseInt(r.postcode()));
                if (r.postcode().startsWith("0")) {
                    defects.add(
                            file.getFileName().toString(),
                            nr,
                            "PLZ",
                            r.postcode().substring(1),
                            "PLZ typed as a number, leading zero lost");
                }
            } else {
                text(row, 3, r.postcode());
            }
            text(row, 4, r.city());
            text(row, 5, r.contact());
            text(row, 6, r.phone());
            text(row, 7, r.email());
            if (r.withPotential()) {
                row.createCell(8).setCellValue(wallets.potentialEur(r.company().index(), rng));
                row.getCell(8).setCellStyle(money);
            }
            text(row, 9, r.remark());
        }
        XlsxWorkbooks.save(wb, file, exportDate);
        return nr;
    }

    private static void text(Row row, int column, String value) {
        if (!value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }
}
