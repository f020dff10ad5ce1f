package io.salesbi.connectors.read;

import static io.salesbi.connectors.read.SapExportsTest.resource;
import static io.salesbi.connectors.read.XlsxFileReaderTest.bundled;
import static io.salesbi.connectors.read.XlsxFileReaderTest.row;
import static io.salesbi.connectors.read.XlsxFileReaderTest.withRatio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesbi.connectors.mapping.SourceMapping;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Legacy .xls workbooks: one written by POI in the test, and calamine's real files (MIT). */
class XlsFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void findsTheHeaderBelowTitleRowsInALegacyList() throws Exception {
        Path file = dir.resolve("Kundenliste_Alt.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("Hinweise");
            Sheet sheet = wb.createSheet("Kunden");
            sheet.createRow(0).createCell(0).setCellValue("Kundenliste Außendienst – Alt");
            Row groups = sheet.createRow(2);
            groups.createCell(2).setCellValue("Adresse");
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 2, 4));
            row(
                    sheet,
                    3,
                    "Nr.",
                    "Firma",
                    "Straße",
                    "PLZ",
                    "Ort",
                    "Ansprechpartner",
                    "Telefon",
                    "E-Mail",
                    "Potenzial EUR",
                    "Bemerkung");
            row(sheet, 4, 7, "Kraus KG", "Ringstr. 3", 90402, "Nürnberg")
                    .createCell(8)
                    .setCellFormula("2500*4");
            row(sheet, 5, 8, "Versteckt AG").setZeroHeight(true);
            row(sheet, 6, 9, "Lang GmbH", null, null, null, null, null, null, "#");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        SourceMapping mapping = withRatio(bundled("sales_rep_lists"), 1.0);
        CollectingSink sink = new CollectingSink();

        ReadSummary summary = SourceFileReader.forFile(file, mapping).read(file, mapping, sink);

        assertThat(sink.rows)
                .extracting(CollectingSink.Row::sheet, CollectingSink.Row::row)
                .containsExactly(tuple("Kunden", 5L));
        assertThat(sink.values(0))
                .containsExactly(
                        "7",
                        "Kraus KG",
                        "Ringstr. 3",
                        "90402",
                        "Nürnberg",
                        null,
                        null,
                        null,
                        new BigDecimal("10000"),
                        null);
        assertThat(sink.rejections)
                .extracting(RowRejection::row, RowRejection::column, RowRejection::rawValue, RowRejection::rule)
                .containsExactly(tuple(7L, "Potenzial EUR", "#", "type.decimal"));
        assertThat(summary.warnings()).containsExactly("1 hidden rows were skipped");
    }

    @Test
    void serialDatesInBothDateSystems() throws Exception {
        CollectingSink dates = read("calamine/date.xls", """
                - { column: "44197", field: day, type: timestamp }
                - { column: "15", field: number, type: integer }
                """);
        CollectingSink dates1904 = read("calamine/date_1904.xls", """
                - { column: "42735", field: day, type: date }
                - { column: "15", field: number, type: integer }
                """);

        assertThat(dates.values(0)).containsExactly(LocalDateTime.of(2021, 1, 2, 0, 0), 16L);
        assertThat(dates.values(1)).containsExactly(LocalDateTime.of(1900, 1, 10, 15, 10, 10), 17L);
        assertThat(dates1904.values(0)).containsExactly(LocalDate.of(2021, 1, 2), 16L);
        assertThat(dates1904.values(1)).containsExactly(LocalDate.of(1904, 1, 11), 17L);
    }

    @Test
    void sheetByNameWithNumbersAndSharedStrings() throws Exception {
        CollectingSink sink = read("calamine/issues.xls", """
                - { column: "1", field: n, type: integer }
                - { column: "a", field: s, type: string }
                """, "sheet: issue2");

        assertThat(sink.rows)
                .extracting(CollectingSink.Row::values)
                .containsExactly(List.of(2L, "b"), List.of(3L, "c"));
    }

    @Test
    void mergedCellsCarryTheValueOnlyInTheirTopLeftCell() throws Exception {
        CollectingSink sink = read("calamine/merge_cells.xls", """
                - { column: "Row Merge", field: a, type: string }
                - { column: "Not Merged", field: c, type: string }
                """);

        assertThat(sink.rows)
                .extracting(CollectingSink.Row::row, CollectingSink.Row::values)
                .containsExactly(tuple(2L, java.util.Arrays.asList("Column Merge", null)));
    }

    @Test
    void passwordProtectedXlsIsRejected() throws Exception {
        Path file = dir.resolve("Kanalkosten_geschuetzt.xls");
        Biff8EncryptionKey.setCurrentUserPassword("geheim");
        try (HSSFWorkbook wb = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            row(wb.createSheet("Kanalkosten"), 0, "Kanal", "Monat", "Kostenart", "Betrag EUR");
            wb.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        SourceMapping mapping = bundled("channel_costs");

        assertThatThrownBy(() -> SourceFileReader.forFile(file, mapping).read(file, mapping, new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageStartingWith("File Kanalkosten_geschuetzt.xls is password-protected")
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("encrypted");
    }

    @Test
    void writeProtectionWithExcelsDefaultPasswordStillReads() {
        // issue_385.xls is encrypted with Excel's built-in default password, which Excel and POI open without asking;
        // its only sheet has no cells.
        assertThatThrownBy(() -> read("calamine/issue_385.xls", "- { column: a, field: a, type: string }"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageEndingWith("no header row found, the sheet is empty")
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("empty");
    }

    @Test
    void craftedAllocationFileIsReadWithoutExhaustingMemory() {
        assertThatThrownBy(() -> read(
                        "calamine/OOM_alloc.xls",
                        "- { column: \"Kundennummer\", field: a, type: string, required: true }",
                        "sheet-index: 0"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("required column ['Kundennummer'] not found in the header")
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("missing_column");
    }

    private static CollectingSink read(String resource, String fields) throws Exception {
        return read(resource, fields, "");
    }

    private static CollectingSink read(String resource, String fields, String extra) throws Exception {
        Path file = resource(resource);
        SourceMapping m = Mappings.of("""
                name: calamine_xls
                inbox: excel
                file-pattern: "*.xls"
                target: raw.test
                header-row: 1
                %s
                fields:
                %s
                """.formatted(extra, fields.indent(2)));
        CollectingSink sink = new CollectingSink();
        SourceFileReader.forFile(file, m).read(file, m, sink);
        return sink;
    }
}
