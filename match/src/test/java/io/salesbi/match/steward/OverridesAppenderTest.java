package io.salesbi.match.steward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels appended to the overrides the matcher reads, and read back by {@link OverridesReader}. */
class OverridesAppenderTest {

    @TempDir
    Path folder;

    @Test
    void aMissingCsvFileIsCreatedWithAHeader() throws Exception {
        Path file = folder.resolve("config/match-overrides.csv");

        new OverridesAppender(file).append("crm:A-1", "erp:100001", true, "salesbi match review");
        new OverridesAppender(file).append("crm:A-2", "erp:100002", false, null);

        assertThat(Files.readAllLines(file))
                .containsExactly(
                        "record_1,record_2,decision,comment",
                        "crm:A-1,erp:100001,match,salesbi match review",
                        "crm:A-2,erp:100002,no_match,");
        List<Override> read = OverridesReader.read(file);
        assertThat(read)
                .extracting(Override::action)
                .containsExactly(Override.Action.FORCE_MATCH, Override.Action.FORCE_SPLIT);
        assertThat(read.get(0).sourceLine()).isEqualTo(2);
    }

    @Test
    void anExistingCsvKeepsItsColumnsAndGetsItsMissingLineEnd() throws Exception {
        Path file = folder.resolve("overrides.csv");
        Files.writeString(file, "comment;x,action,record_2,record_1\r\nalt,force_split,b,a", StandardCharsets.UTF_8);

        new OverridesAppender(file).append("c", "d", true, "review, with a comma");

        assertThat(Files.readString(file))
                // RFC 4180 as Commons CSV writes it: an empty first value is quoted
                .isEqualTo("comment;x,action,record_2,record_1\r\nalt,force_split,b,a\n\"\",force_match,d,c\n");
        assertThat(OverridesReader.read(file)).extracting(Override::recordKey1).containsExactly("a", "c");
    }

    @Test
    void aFolderGetsItsOwnReviewFile() throws Exception {
        Files.writeString(folder.resolve("earlier.csv"), "record_1,record_2,decision\nx,y,yes\n");

        OverridesAppender appender = new OverridesAppender(folder);
        appender.append("1", "2", false, null);

        assertThat(appender.file()).isEqualTo(folder.resolve("match-review.csv"));
        assertThat(OverridesReader.read(folder))
                .extracting(Override::recordKey1)
                .containsExactly("x", "1");
    }

    @Test
    void anXlsxFileGetsARowOnItsFirstSheet() throws Exception {
        Path file = folder.resolve("overrides.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Row header = workbook.createSheet("Entscheidungen").createRow(0);
            header.createCell(0).setCellValue("record_1");
            header.createCell(1).setCellValue("record_2");
            header.createCell(2).setCellValue("decision");
            workbook.write(out);
        }

        new OverridesAppender(file).append("7", "8", true, "ignored: no comment column");

        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo("match");
        }
        assertThat(OverridesReader.read(file)).extracting(Override::recordKey2).containsExactly("8");
    }

    @Test
    void aFileWithoutTheColumnsIsNamedWithWhatWasExpected() throws Exception {
        Path file = folder.resolve("notes.csv");
        Files.writeString(file, "a,b\n1,2\n");

        assertThatThrownBy(() -> new OverridesAppender(file).append("1", "2", true, null))
                .hasMessage(file + ": header [a, b] lacks a column; expected record_1, record_2 and action (or "
                        + "decision) to append labels to");
    }
}
