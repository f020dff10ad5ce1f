package io.salesbi.connectors.read;

import static io.salesbi.connectors.read.XlsxFileReaderTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.connectors.mapping.SourceMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sheet is read: hidden and pivot-table sheets are passed over with a note unless the mapping names them. */
class WorkbookSheetsTest {

    private static final String DEBTORS = """
            name: debtor_lists
            inbox: excel
            file-pattern: "Debitoren*.{xlsx,xls}"
            target: raw.erp_debtor
            locale: de-DE
            fields:
              - { column: "Debitor", field: debtor_no, type: string, required: true }
              - { column: "Name", field: name, type: string, required: true }
              - { column: "Ort", field: city, type: string }
            """;

    @TempDir
    Path dir;

    @Test
    void aHiddenFirstSheetIsSkippedWithANoteAndTheFirstVisibleSheetIsRead() throws Exception {
        // given a workbook whose first sheet, an old version of the list, is hidden
        Path file = dir.resolve("Debitoren_hidden_first_sheet.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            debtors(wb.createSheet("Alt"), "000900", "Alte Firma", "Bonn");
            debtors(wb.createSheet("Debitoren"), "000101", "Müller GmbH", "Köln");
            wb.setSheetHidden(0, true);
            save(wb, file);
        }
        CollectingSink sink = new CollectingSink();

        // when it is read with a mapping that takes the first sheet
        ReadSummary summary = read(file, DEBTORS, sink);

        // then the visible sheet's rows are read and the steward is told about the hidden one
        assertThat(sink.rows).extracting(CollectingSink.Row::sheet).containsExactly("Debitoren");
        assertThat(sink.values(0)).containsExactly("000101", "Müller GmbH", "Köln");
        assertThat(summary.rowsDelivered()).isEqualTo(1);
        assertThat(summary.warnings()).containsExactly("sheet 'Alt' was skipped: it is hidden");
    }

    @Test
    void aPivotTableSheetIsSkippedWithANote() throws Exception {
        // given a workbook whose first sheet holds a pivot table over the data on the second
        Path file = dir.resolve("Debitoren_pivot_first_sheet.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet pivot = wb.createSheet("Übersicht");
            XSSFSheet data = wb.createSheet("Debitoren");
            debtors(data, "000101", "Müller GmbH", "Köln");
            pivot.createPivotTable(
                            new AreaReference("A1:C2", SpreadsheetVersion.EXCEL2007), new CellReference("A3"), data)
                    .addRowLabel(2);
            save(wb, file);
        }
        CollectingSink sink = new CollectingSink();

        ReadSummary summary = read(file, DEBTORS, sink);

        assertThat(sink.rows).extracting(CollectingSink.Row::sheet).containsExactly("Debitoren");
        assertThat(summary.warnings()).containsExactly("sheet 'Übersicht' was skipped: it holds a pivot table");
    }

    @Test
    void aHiddenSheetTheMappingNamesIsReadWithAWarning() throws Exception {
        Path file = dir.resolve("Debitoren_named_hidden_sheet.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Hinweise");
            debtors(wb.createSheet("Debitoren"), "000101", "Müller GmbH", "Köln");
            wb.setSheetHidden(1, true);
            save(wb, file);
        }
        CollectingSink sink = new CollectingSink();

        ReadSummary summary = read(file, DEBTORS + "sheet: Debitoren\n", sink);

        assertThat(sink.values(0)).containsExactly("000101", "Müller GmbH", "Köln");
        assertThat(summary.warnings())
                .containsExactly("sheet 'Debitoren' is hidden in the workbook; read because the mapping names it");
    }

    @Test
    void onlyHiddenSheetsLeaveNothingToReadAndTheReasonSaysSo() throws Exception {
        Path file = dir.resolve("Debitoren_all_hidden.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            debtors(wb.createSheet("Alt"), "000900", "Alte Firma", "Bonn");
            wb.createSheet("Leer");
            wb.setSheetHidden(0, true);
            wb.setActiveSheet(1);
            wb.setSelectedTab(1);
            save(wb, file);
        }

        assertThatThrownBy(() -> read(file, DEBTORS + "sheet-index: 1\n", new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("File Debitoren_all_hidden.xlsx: sheet number 2 (counting visible sheets without pivot "
                        + "tables) not found; the workbook has [Alt (hidden), Leer]");
    }

    @Test
    void aHiddenFirstSheetOfALegacyXlsIsSkippedWithANote() throws Exception {
        Path file = dir.resolve("Debitoren_hidden_first_sheet.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            debtors(wb.createSheet("Alt"), "000900", "Alte Firma", "Bonn");
            debtors(wb.createSheet("Debitoren"), "000101", "Müller GmbH", "Köln");
            wb.setSheetHidden(0, true);
            wb.setActiveSheet(1);
            wb.setSelectedTab(1);
            save(wb, file);
        }
        CollectingSink sink = new CollectingSink();

        ReadSummary summary = read(file, DEBTORS, sink);

        assertThat(sink.rows).extracting(CollectingSink.Row::sheet).containsExactly("Debitoren");
        assertThat(sink.values(0)).containsExactly("000101", "Müller GmbH", "Köln");
        assertThat(summary.warnings()).containsExactly("sheet 'Alt' was skipped: it is hidden");
    }

    @Test
    void anExcelTableListObjectIsReadLikeAnyRange() throws Exception {
        // given the list formatted as an Excel table (a ListObject) below a title row
        Path file = dir.resolve("Debitoren_excel_table.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Debitoren");
            sheet.createRow(0).createCell(0).setCellValue("Debitorenliste Januar");
            row(sheet, 2, "Debitor", "Name", "Ort");
            row(sheet, 3, "000101", "Müller GmbH", "Köln");
            row(sheet, 4, "000102", "Schmidt AG", "München");
            sheet.createTable(new AreaReference("A3:C5", SpreadsheetVersion.EXCEL2007))
                    .setName("Debitoren");
            save(wb, file);
        }
        CollectingSink sink = new CollectingSink();

        ReadSummary summary = read(file, DEBTORS, sink);

        assertThat(sink.rows).extracting(CollectingSink.Row::row).containsExactly(4L, 5L);
        assertThat(sink.values(1)).containsExactly("000102", "Schmidt AG", "München");
        assertThat(summary.warnings()).isEmpty();
    }

    private static void debtors(Sheet sheet, String debtor, String name, String city) {
        row(sheet, 0, "Debitor", "Name", "Ort");
        row(sheet, 1, debtor, name, city);
    }

    private static void save(Workbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    private static ReadSummary read(Path file, String mappingYaml, RowSink sink) throws FileRejectedException {
        SourceMapping mapping = Mappings.of(mappingYaml);
        return SourceFileReader.forFile(file, mapping).read(file, mapping, sink);
    }
}
