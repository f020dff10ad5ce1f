package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @Test
    void crmFileQuotesOnlyWhatNeedsQuotingAndStartsWithABom(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("crm.csv");
        try (CsvFile csv = CsvFile.crm(file, "Name", "City")) {
            csv.field("Becker, Hoffmann & \"Söhne\"").field("Köln");
            csv.endRow();
            csv.field("").field("Ulm");
            csv.endRow();
            assertThat(csv.rows()).isEqualTo(2);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFName,City\r\n\"Becker, Hoffmann & \"\"Söhne\"\"\",Köln\r\n,Ulm\r\n");
    }

    @Test
    void erpFileIsWindows1252AndReplacesWhatItCannotStore(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("erp.csv");
        try (CsvFile csv = CsvFile.erp(file, "Kanal", "Ort")) {
            csv.field("Außendienst").field("Łódź");
            csv.endRow();
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, CsvFile.WINDOWS_1252)).isEqualTo("Kanal;Ort\r\nAußendienst;?ód?\r\n");
        assertThat(bytes[13]).isEqualTo((byte) 0xDF);
    }
}
