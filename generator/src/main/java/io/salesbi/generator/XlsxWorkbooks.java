package io.salesbi.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Creates streaming workbooks and saves them reproducibly: POI stamps the creation time into docProps/core.xml,
 * so the stamp is fixed to the export date; everything else POI writes is a function of the content (rows are
 * flushed in sheet order before writing, see {@link #save}).
 */
final class XlsxWorkbooks {

    private XlsxWorkbooks() {}

    /** A streaming workbook with a shared strings table, as Excel itself writes (not POI's default inline strings). */
    static SXSSFWorkbook create() {
        return new SXSSFWorkbook(null, 500, false, true);
    }

    static void save(SXSSFWorkbook workbook, Path path, LocalDate stamp) throws IOException {
        Date fixed = Date.from(stamp.atStartOfDay(ZoneOffset.UTC).toInstant());
        var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        properties.setCreated(Optional.of(fixed));
        properties.setModified(Optional.of(fixed));
        properties.setCreator("salesbi demo generator");
        // write() flushes the rows still in memory sheet by sheet in hash order, and the shared strings table takes
        // strings in flush order: flushing here, in sheet order, keeps workbooks with several sheets reproducible
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            workbook.getSheetAt(i).flushRows();
        }
        Files.createDirectories(path.getParent());
        try (OutputStream out = Files.newOutputStream(path)) {
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    static CellStyle bold(SXSSFWorkbook workbook, short heightPoints) {
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints(heightPoints);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    static CellStyle format(SXSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
