package io.salesbi.connectors.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void findsTheHeaderBelowTitleRowsAndAMergedGroupHeader() throws Exception {
        Path file = dir.resolve("Kundenliste_Meier.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Kunden");
            sheet.createRow(0).createCell(0).setCellValue("Kundenliste Außendienst – Meier");
            sheet.createRow(1).createCell(0).setCellValue("Stand: 15.01.2025");
            Row groups = sheet.createRow(3);
            groups.createCell(2).setCellValue("Adresse");
            groups.createCell(5).setCellValue("Kontakt");
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 2, 4));
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 5, 7));
            row(
                    sheet,
                    4,
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
            row(
                    sheet,
                    5,
                    1,
                    "Müller GmbH",
                    "Hauptstr. 1",
                    "01067",
                    "Dresden",
                    "Hr. Müller",
                    "0351 123",
                    "info@mueller.de",
                    125000.5,
                    "A-Kunde");
            Row second =
                    row(sheet, 6, 2, "Schmidt AG", "Marienplatz 2", 80331, "München", null, null, null, null, null);
            second.createCell(8).setCellFormula("1000*12");
            row(sheet, 7, 3, "Versteckt KG").setZeroHeight(true);
            row(sheet, 8, 4, null, "Weg 4");
            row(sheet, 9, 5, "Weber OHG", null, null, null, null, null, null, "viel");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            save(wb, file);
        }
        SourceMapping mapping = withRatio(bundled("sales_rep_lists"), 1.0);

        CollectingSink sink = new CollectingSink();
        ReadSummary summary = read(file, mapping, sink);

        assertThat(sink.rows)
                .extracting(CollectingSink.Row::sheet, CollectingSink.Row::row)
                .containsExactly(tuple("Kunden", 6L), tuple("Kunden", 7L));
        assertThat(sink.values(0))
                .containsExactly(
                        "1",
                        "Müller GmbH",
                        "Hauptstr. 1",
                        "01067",
                        "Dresden",
                        "Hr. Müller",
                        "0351 123",
                        "info@mueller.de",
                        new BigDecimal("125000.5"),
                        "A-Kunde");
        assertThat(sink.values(1))
                .containsExactly(
                        "2",
                        "Schmidt AG",
                        "Marienplatz 2",
                        "80331",
                        "München",
                        null,
                        null,
                        null,
                        new BigDecimal("12000"),
                        null);
        assertThat(sink.rejections)
                .extracting(
                        RowRejection::sheet,
                        RowRejection::row,
                        RowRejection::column,
                        RowRejection::rawValue,
                        RowRejection::rule)
                .containsExactly(
                        tuple("Kunden", 9L, "Firma", null, "required"),
                        tuple("Kunden", 10L, "Potenzial EUR", "viel", "type.decimal"));
        assertThat(summary.rowsDelivered()).isEqualTo(4);
        assertThat(summary.warnings()).containsExactly("1 hidden rows were skipped");
    }

    @Test
    void readsSerialDatesInThe1904SystemPercentagesAndYears() throws Exception {
        Path file = dir.resolve("Kanalkosten.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            Sheet sheet = wb.createSheet("Kanalkosten");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
            row(sheet, 0, "Kanal", "Monat", "Kostenart", "Betrag EUR");
            Row row = row(sheet, 1, "Außendienst", null, "Reisekosten", 1234.56);
            row.createCell(1).setCellValue(LocalDate.of(2024, 3, 1));
            row.getCell(1).setCellStyle(date);
            save(wb, file);
        }

        CollectingSink sink = new CollectingSink();
        read(file, bundled("channel_costs"), sink);

        assertThat(sink.values(0))
                .containsExactly("Außendienst", LocalDate.of(2024, 3, 1), "Reisekosten", new BigDecimal("1234.56"));
    }

    @Test
    void percentCellsGiveFractions() throws Exception {
        Path file = dir.resolve("Marktstudie.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Marktvolumen");
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            sheet.createRow(0).createCell(0).setCellValue("Marktstudie 2024");
            row(
                    sheet,
                    2,
                    "Branche",
                    "Region",
                    "Jahr",
                    "Marktvolumen EUR",
                    "Wettbewerber 1",
                    "Anteil 1",
                    "Wettbewerber 2",
                    "Anteil 2",
                    "Wettbewerber 3",
                    "Anteil 3");
            Row data =
                    row(sheet, 3, "Maschinenbau", "Süd", 2024, 45000000, "Alpha", 0.235, "Beta", null, null, "7,5 %");
            data.getCell(5).setCellStyle(percent);
            save(wb, file);
        }

        CollectingSink sink = new CollectingSink();
        read(file, bundled("market_study"), sink);

        assertThat(sink.rows.get(0).row()).isEqualTo(4);
        assertThat(sink.values(0))
                .containsExactly(
                        "Maschinenbau",
                        "Süd",
                        2024L,
                        new BigDecimal("45000000"),
                        "Alpha",
                        new BigDecimal("0.235"),
                        "Beta",
                        null,
                        null,
                        new BigDecimal("0.075"));
    }

    @Test
    void hiddenRowsAreReadWhenTheMappingAsks() throws Exception {
        Path file = dir.resolve("Kanalkosten.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Kanalkosten");
            row(sheet, 0, "Kanal", "Monat", "Kostenart", "Betrag EUR");
            row(sheet, 1, "EDI", "01.01.2024", "Personal", 100);
            row(sheet, 2, "E-Shop", "01.01.2024", "Marketing", 250.5).setZeroHeight(true);
            save(wb, file);
        }
        SourceMapping m = bundled("channel_costs");
        SourceMapping withHidden = new SourceMapping(
                m.name(),
                m.inbox(),
                m.filePattern(),
                m.format(),
                m.target(),
                m.sheetName(),
                m.sheetIndex(),
                m.headerRow(),
                m.encoding(),
                m.delimiter(),
                m.locale(),
                m.fields(),
                m.unknownColumns(),
                m.maxRejectRatio(),
                true);

        CollectingSink visibleOnly = new CollectingSink();
        CollectingSink all = new CollectingSink();
        read(file, m, visibleOnly);
        read(file, withHidden, all);

        assertThat(visibleOnly.rows).extracting(CollectingSink.Row::row).containsExactly(2L);
        assertThat(all.rows).extracting(CollectingSink.Row::row).containsExactly(2L, 3L);
        assertThat(all.values(1))
                .containsExactly("E-Shop", LocalDate.of(2024, 1, 1), "Marketing", new BigDecimal("250.5"));
    }

    @Test
    void aFailingSinkIsNotMistakenForADamagedFile() throws Exception {
        Path file = dir.resolve("Kanalkosten.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Kanalkosten");
            row(sheet, 0, "Kanal", "Monat", "Kostenart", "Betrag EUR");
            row(sheet, 1, "EDI", "01.01.2024", "Personal", 100);
            save(wb, file);
        }
        SourceMapping mapping = bundled("channel_costs");
        RowSink failing = new RowSink() {
            @Override
            public void accept(String sheet, long row, Object[] values) {
                throw new IllegalStateException("appender closed");
            }

            @Override
            public void reject(RowRejection rejection) {}
        };

        assertThatThrownBy(() -> read(file, mapping, failing))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("appender closed");
    }

    @Test
    void passwordProtectedWorkbookIsRejectedAsEncrypted() throws Exception {
        Path plain = dir.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            row(wb.createSheet("Kanalkosten"), 0, "Kanal", "Monat", "Kostenart", "Betrag EUR");
            save(wb, plain);
        }
        Path encrypted = dir.resolve("Kanalkosten_geschuetzt.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("geheim");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(plain, out);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }

        assertRejected(encrypted, "encrypted");
    }

    @Test
    void truncatedOrFakeWorkbooksAreRejectedAsCorrupt() throws Exception {
        Path whole = dir.resolve("whole.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Kanalkosten");
            for (int r = 0; r < 200; r++) {
                row(sheet, r, "Kanal " + r, "Monat", "Kostenart", r * 1.5);
            }
            save(wb, whole);
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = dir.resolve("Kanalkosten_truncated.xlsx");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path text = dir.resolve("Kanalkosten_text.xlsx");
        Files.writeString(text, "Kanal;Monat\nEDI;01.01.2024\n");

        assertRejected(truncated, "corrupt");
        assertRejected(text, "corrupt");
    }

    @Test
    void zipBombIsRejectedAsTooLargeWithoutInflatingIt() throws Exception {
        Path small = dir.resolve("small.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            row(wb.createSheet("Kanalkosten"), 0, "Kanal", "Monat", "Kostenart", "Betrag EUR");
            save(wb, small);
        }
        Path bomb = dir.resolve("Kanalkosten_bomb.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(small));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int body = xml.indexOf("<sheetData");
                    out.write(xml.substring(0, body).getBytes(StandardCharsets.UTF_8));
                    out.write("<!--".getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int mb = 0; mb < 20; mb++) {
                        out.write(spaces);
                    }
                    out.write("-->".getBytes(StandardCharsets.UTF_8));
                    out.write(xml.substring(body).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(200_000);

        assertRejected(bomb, "too_large");
    }

    @Test
    void sharedStringsAboveTheLimitAreNotLoaded() throws Exception {
        Path file = dir.resolve("Kanalkosten.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            row(wb.createSheet("Kanalkosten"), 0, "Kanal", "Monat", "Kostenart", "Betrag EUR");
            save(wb, file);
        }
        ReaderSettings tight = new ReaderSettings(30, 1L << 30, 0.01, 1L << 20, 100);
        SourceMapping mapping = bundled("channel_costs");

        assertThatThrownBy(
                        () -> SourceFileReaders.forFile(file, mapping, tight).read(file, mapping, new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageStartingWith("File Kanalkosten.xlsx: its shared-strings table has ")
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("too_large");
    }

    @Test
    void aMissingSheetNamesTheSheetsFound() throws Exception {
        Path file = dir.resolve("Kanalkosten.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Tabelle1");
            wb.createSheet("Tabelle2");
            save(wb, file);
        }

        assertThatThrownBy(() -> read(file, bundled("channel_costs"), new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage(
                        "File Kanalkosten.xlsx: sheet 'Kanalkosten' not found; the workbook has [Tabelle1, Tabelle2]");
    }

    private void assertRejected(Path file, String reason) {
        assertThatThrownBy(() -> read(file, bundled("channel_costs"), new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo(reason);
    }

    static Row row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof String s) {
                row.createCell(c).setCellValue(s);
            } else if (value instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            }
        }
        return row;
    }

    static void save(XSSFWorkbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    static SourceMapping bundled(String name) {
        return MappingLoader.loadBundled().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static SourceMapping withRatio(SourceMapping m, double ratio) {
        return new SourceMapping(
                m.name(),
                m.inbox(),
                m.filePattern(),
                m.format(),
                m.target(),
                m.sheetName(),
                m.sheetIndex(),
                m.headerRow(),
                m.encoding(),
                m.delimiter(),
                m.locale(),
                m.fields(),
                m.unknownColumns(),
                ratio,
                m.includeHiddenRows());
    }

    private ReadSummary read(Path file, SourceMapping mapping, RowSink sink) throws FileRejectedException {
        return SourceFileReader.forFile(file, mapping).read(file, mapping, sink);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
