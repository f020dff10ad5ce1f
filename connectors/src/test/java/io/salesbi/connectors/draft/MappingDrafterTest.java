package io.salesbi.connectors.draft;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.draft.MappingDraft.MissingField;
import io.salesbi.connectors.draft.MappingDraft.ProposedField;
import io.salesbi.connectors.draft.MappingDraft.UnplacedColumn;
import io.salesbi.connectors.mapping.FieldType;
import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.connectors.read.ReadSummary;
import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import io.salesbi.connectors.read.SourceFileReader;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingDrafterTest {

    private static final List<SourceMapping> BUNDLED = MappingLoader.loadBundled();

    /** raw.erp_order_line of V1__baseline.sql without its optional columns (the CLI reads it from the warehouse). */
    private static final TargetTable ORDER_LINES = TargetTable.of(
            "raw.erp_order_line",
            List.of(
                    new TargetTable.Column("document_no", "VARCHAR"),
                    new TargetTable.Column("line_no", "INTEGER"),
                    new TargetTable.Column("document_date", "DATE"),
                    new TargetTable.Column("debtor_no", "VARCHAR"),
                    new TargetTable.Column("product_no", "VARCHAR"),
                    new TargetTable.Column("quantity", "DECIMAL(18,3)"),
                    new TargetTable.Column("list_price", "DECIMAL(18,4)"),
                    new TargetTable.Column("net_price", "DECIMAL(18,4)"),
                    new TargetTable.Column("discount_pct", "DECIMAL(9,4)"),
                    new TargetTable.Column("currency", "VARCHAR"),
                    new TargetTable.Column("sales_channel", "VARCHAR")),
            BUNDLED);

    @TempDir
    Path dir;

    private final MappingDrafter drafter = new MappingDrafter();

    @Test
    void usWebShopCsvGetsMonthFirstTimestampsDecimalPointAndTodosForWhatItLacks() throws Exception {
        Path file = fixture("uci_online_retail_first12_invented_customers.csv");

        MappingDraft draft = drafter.draft(file, null, ORDER_LINES, null, BUNDLED);

        assertThat(draft.name()).isEqualTo("uci_online_retail_first12_invented_customers");
        assertThat(draft.filePattern()).isEqualTo("uci_online_retail_first12_invented_customers*.csv");
        assertThat(draft.inbox()).isEqualTo("erp");
        assertThat(draft.headerRow()).isEqualTo(1);
        assertThat(draft.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(draft.delimiter()).isEqualTo(',');
        assertThat(draft.locale()).isEqualTo("en-US");
        assertThat(draft.fields())
                .containsExactly(
                        new ProposedField("InvoiceNo", "document_no", FieldType.STRING, null, true, "536365", null),
                        new ProposedField("StockCode", "product_no", FieldType.STRING, null, true, "85123A", null),
                        new ProposedField("Quantity", "quantity", FieldType.DECIMAL, null, true, "6", null),
                        new ProposedField(
                                "InvoiceDate",
                                "document_date",
                                FieldType.DATE,
                                "M/d/yy H:mm",
                                true,
                                "12/1/10 8:26",
                                "the values also fit d/M/yy H:mm; check day and month order"),
                        new ProposedField("UnitPrice", "net_price", FieldType.DECIMAL, null, true, "2.55", null),
                        new ProposedField("CustomerID", "debtor_no", FieldType.STRING, null, true, "90001", null));
        assertThat(draft.unplaced())
                .containsExactly(
                        new UnplacedColumn("Description", FieldType.STRING, "WHITE HANGING HEART T-LIGHT HOLDER"),
                        new UnplacedColumn("Country", FieldType.STRING, "United Kingdom"));
        assertThat(draft.missing())
                .containsExactly(
                        new MissingField("line_no", FieldType.INTEGER),
                        new MissingField("currency", FieldType.STRING),
                        new MissingField("sales_channel", FieldType.STRING));
        assertThat(draft.toYaml())
                .contains(
                        "  - { column: \"InvoiceDate\", field: document_date, type: date, format: \"M/d/yy H:mm\", "
                                + "required: true }  # e.g. 12/1/10 8:26; the values also fit d/M/yy H:mm; check day and month order\n",
                        "  - { field: line_no, type: integer, expression: \"row_number() over (partition by document_no order "
                                + "by _row_number)\" }  # no line number column: lines numbered per document in file order\n",
                        "  # note: no currency column: the installation's home-currency applies",
                        "#   \"Description\" (string, e.g. WHITE HANGING HEART T-LIGHT HOLDER)\n");

        List<Object[]> rows = new ArrayList<>();
        ReadSummary summary = readWithDraft(draft, file, rows);

        assertThat(summary.rowsDelivered()).isEqualTo(12);
        assertThat(summary.rowsAccepted()).isEqualTo(12);
        assertThat(summary.rowsRejected()).isZero();
        // the line number is computed by DuckDB when the file loads: the reader leaves it empty
        assertThat(rows.get(11))
                .containsExactly(
                        "536367",
                        "22748",
                        new BigDecimal("6"),
                        LocalDate.of(2010, 12, 1),
                        new BigDecimal("2.1"),
                        "90002",
                        null);
    }

    @Test
    void germanCsvWithATitleLineGetsItsHeaderLineDecimalCommaAndEveryRequiredField() throws Exception {
        Path file = fixture("auftragspositionen_20250131_title-line_semicolon_decimal-comma_windows-1252.csv");

        MappingDraft draft = drafter.draft(file, null, ORDER_LINES, "auftragspositionen", BUNDLED);

        assertThat(draft.filePattern())
                .isEqualTo("auftragspositionen_*_title-line_semicolon_decimal-comma_windows-1252.csv");
        assertThat(draft.headerRow()).isEqualTo(2);
        assertThat(draft.encoding().name()).isEqualTo("windows-1252");
        assertThat(draft.delimiter()).isEqualTo(';');
        assertThat(draft.locale()).isEqualTo("de-DE");
        assertThat(draft.fields())
                .containsExactly(
                        new ProposedField("Belegnr.", "document_no", FieldType.STRING, null, true, "A-10001", null),
                        new ProposedField("Pos.", "line_no", FieldType.INTEGER, null, true, "1", null),
                        new ProposedField(
                                "Belegdatum", "document_date", FieldType.DATE, "dd.MM.yyyy", true, "02.01.2025", null),
                        new ProposedField("Kundennummer", "debtor_no", FieldType.STRING, null, true, "000101", null),
                        new ProposedField("Artikelnummer", "product_no", FieldType.STRING, null, true, "M-200", null),
                        new ProposedField("Menge", "quantity", FieldType.DECIMAL, null, true, "2", null),
                        new ProposedField("Einzelpreis", "net_price", FieldType.DECIMAL, null, true, "1.234,50", null),
                        new ProposedField("Rabatt %", "discount_pct", FieldType.DECIMAL, null, false, "5,00", null),
                        new ProposedField("Währung", "currency", FieldType.STRING, null, true, "EUR", null),
                        new ProposedField(
                                "Vertriebsweg", "sales_channel", FieldType.STRING, null, true, "Außendienst", null));
        assertThat(draft.unplaced()).extracting(UnplacedColumn::column).containsExactly("Kundenname", "Bezeichnung");
        assertThat(draft.missing()).isEmpty();
        assertThat(draft.toYaml()).contains("header-row: 2\nencoding: windows-1252\ndelimiter: \";\"\nlocale: de-DE\n");

        List<Object[]> rows = new ArrayList<>();
        ReadSummary summary = readWithDraft(draft, file, rows);

        assertThat(summary.rowsAccepted()).isEqualTo(4);
        assertThat(summary.rowsRejected()).isZero();
        assertThat(rows.get(0))
                .containsExactly(
                        "A-10001",
                        1L,
                        LocalDate.of(2025, 1, 2),
                        "000101",
                        "M-200",
                        new BigDecimal("2"),
                        new BigDecimal("1234.50"),
                        new BigDecimal("5.00"),
                        "EUR",
                        "Außendienst");
    }

    @Test
    void workbookWithAMergedTitleAboveAHeaderInColumnBAndATotalsRowBelowGetsItsHeaderRowAndExcelDates()
            throws Exception {
        Path file = dir.resolve("Monatsbericht_Januar.xlsx");
        writeReportWorkbook(file);

        MappingDraft draft = drafter.draft(file, "Bericht", ORDER_LINES, null, BUNDLED);

        assertThat(draft.name()).isEqualTo("monatsbericht_januar");
        assertThat(draft.sheet()).isEqualTo("Bericht");
        assertThat(draft.headerRow()).isEqualTo(3);
        assertThat(draft.notes())
                .containsExactly(
                        "sampled 7 rows of Monatsbericht_Januar.xlsx, sheet 'Bericht'; the header is on row 3",
                        "the workbook has the sheets [Pivot, Bericht]; --sheet chooses one");
        assertThat(draft.encoding()).isNull();
        assertThat(draft.locale()).isNull();
        assertThat(draft.fields())
                .containsExactly(
                        new ProposedField(
                                "Datum",
                                "document_date",
                                FieldType.DATE,
                                null,
                                true,
                                "2025-01-02",
                                "1 sampled value(s) are no date (e.g. 'Summe'): their rows will be quarantined unless a "
                                        + "filter drops them"),
                        new ProposedField("Auftrag", "document_no", FieldType.STRING, null, true, "R-7001", null),
                        new ProposedField("Kunde", "debtor_no", FieldType.STRING, null, true, "4711", null),
                        new ProposedField("Artikel", "product_no", FieldType.STRING, null, true, "A2-FRAME", null),
                        new ProposedField("Menge", "quantity", FieldType.DECIMAL, null, true, "3", null),
                        new ProposedField("Preis", "net_price", FieldType.DECIMAL, null, true, "249.5", null));
        assertThat(draft.missing())
                .extracting(MissingField::field)
                .containsExactly("line_no", "currency", "sales_channel");
        assertThat(draft.toYaml()).contains("format: xlsx\nsheet: \"Bericht\"\nheader-row: 3\n");

        List<Object[]> rows = new ArrayList<>();
        List<RowRejection> rejections = new ArrayList<>();
        ReadSummary summary = readWithDraft(draft, file, rows, rejections);

        assertThat(summary.rowsAccepted()).isEqualTo(4);
        assertThat(summary.rowsRejected()).isEqualTo(1);
        assertThat(rejections)
                .extracting(RowRejection::row, RowRejection::column, RowRejection::rule)
                .containsExactly(
                        Tuple.tuple(8L, "Datum", "type.date"),
                        Tuple.tuple(8L, "Auftrag", "required"),
                        Tuple.tuple(8L, "Kunde", "required"),
                        Tuple.tuple(8L, "Artikel", "required"),
                        Tuple.tuple(8L, "Preis", "required"));
        assertThat(rows.get(1))
                .containsExactly(
                        LocalDate.of(2025, 1, 3),
                        "R-7002",
                        "4712",
                        "A2-FRAME",
                        new BigDecimal("1"),
                        new BigDecimal("255"),
                        null);
    }

    private static void writeReportWorkbook(Path file) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Pivot").createRow(0).createCell(0).setCellValue("Gesamtergebnis");
            Sheet sheet = workbook.createSheet("Bericht");
            sheet.createRow(0)
                    .createCell(0)
                    .setCellValue("Monatsbericht Januar 2025 – Rahmen A2, Lieferant Stahlbau Nord");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            Row header = sheet.createRow(2);
            String[] names = {"Datum", "Auftrag", "Kunde", "Artikel", "Menge", "Preis"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c + 1).setCellValue(names[c]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            Object[][] data = {
                {LocalDate.of(2025, 1, 2), "R-7001", 4711, "A2-FRAME", 3, 249.5},
                {LocalDate.of(2025, 1, 3), "R-7002", 4712, "A2-FRAME", 1, 255},
                {LocalDate.of(2025, 1, 7), "R-7003", 4711, "A2-FORK", 2, 99.9},
                {LocalDate.of(2025, 1, 9), "R-7004", 4713, "A2-FRAME", 1, 249.5}
            };
            for (int r = 0; r < data.length; r++) {
                Row row = sheet.createRow(3 + r);
                row.createCell(1).setCellValue((LocalDate) data[r][0]);
                row.getCell(1).setCellStyle(date);
                row.createCell(2).setCellValue((String) data[r][1]);
                row.createCell(3).setCellValue(((Integer) data[r][2]).doubleValue());
                row.createCell(4).setCellValue((String) data[r][3]);
                row.createCell(5).setCellValue(((Integer) data[r][4]).doubleValue());
                row.createCell(6).setCellValue(((Number) data[r][5]).doubleValue());
            }
            Row total = sheet.createRow(7);
            total.createCell(1).setCellValue("Summe");
            total.createCell(5).setCellValue(7);
            workbook.write(out);
        }
    }

    /** Parses the draft's YAML with the mapping loader and reads the file with it, as the night would. */
    private static ReadSummary readWithDraft(MappingDraft draft, Path file, List<Object[]> rows)
            throws FileRejectedException {
        List<RowRejection> rejections = new ArrayList<>();
        ReadSummary summary = readWithDraft(draft, file, rows, rejections);
        assertThat(rejections).isEmpty();
        return summary;
    }

    private static ReadSummary readWithDraft(
            MappingDraft draft, Path file, List<Object[]> rows, List<RowRejection> rejections)
            throws FileRejectedException {
        String yaml = draft.toYaml();
        SourceMapping mapping =
                MappingLoader.parse("draft", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        // the placed columns, then the line number the draft computes for exports without one
        assertThat(mapping.fieldNames())
                .as(yaml)
                .startsWith(draft.fields().stream().map(ProposedField::field).toArray(String[]::new));
        ReadSummary summary = SourceFileReader.forFile(file, mapping).read(file, mapping, new RowSink() {
            @Override
            public void accept(String sheet, long row, Object[] values) {
                rows.add(values.clone());
            }

            @Override
            public void reject(RowRejection rejection) {
                rejections.add(rejection);
            }
        });
        return summary;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(MappingDrafterTest.class.getResource("/draft/" + name).toURI());
    }
}
