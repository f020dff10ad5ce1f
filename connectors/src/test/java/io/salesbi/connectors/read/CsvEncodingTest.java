package io.salesbi.connectors.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV file whose bytes are not in the encoding its mapping declares is refused, saying what they look like. */
class CsvEncodingTest {

    private static final Charset CP850 = Charset.forName("IBM850");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static final String ERP_DEBTORS = """
            name: erp_debtors
            inbox: erp
            file-pattern: "erp_debtors*.csv"
            target: raw.erp_debtor
            locale: de-DE
            fields:
              - { column: "Debitor", field: debtor_no, type: string, required: true }
              - { column: "Name", field: name, type: string, required: true }
              - { column: "Ort", field: city, type: string }
            """;

    private static final String GERMAN_DEBTORS =
            "Debitor;Name;Ort\n" + "000101;Müller Bäckerei GmbH;Köln\n" + "000102;Jürgen Förster KG;Düsseldorf\n";

    @TempDir
    Path dir;

    @Test
    void dosCodePage850DeclaredWindows1252IsRejectedNamingBothEncodingsAndTheFirstWord() throws Exception {
        // given a German debtor export written by a DOS-era ERP in code page 850, declared windows-1252
        Path file = write("erp_debtors_cp850.csv", CP850, GERMAN_DEBTORS);

        // when it is read, then it is refused at its first umlaut: ü in Müller is 0x81, undefined in windows-1252
        // (shown as the replacement character)
        assertThatThrownBy(() -> read(file, ERP_DEBTORS + "encoding: windows-1252\n"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("File erp_debtors_cp850.csv: mapping erp_debtors declares windows-1252, but the file is in "
                        + "DOS code page 850/437 (IBM850): line 2, byte 9 is 0x81: 'M\uFFFDller' in windows-1252, "
                        + "'Müller' in IBM850. Set 'encoding: IBM850' in the mapping or ask the sender for "
                        + "windows-1252 or UTF-8")
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("encoding");
    }

    @Test
    void dosCodePage850WithoutADeclaredEncodingIsReadAsIbm850WithAWarning() throws Exception {
        // given the same export and a mapping that leaves the encoding to detection
        Path file = write("erp_debtors_cp850.csv", CP850, GERMAN_DEBTORS);
        CollectingSink sink = new CollectingSink();

        // when it is read
        ReadSummary summary =
                SourceFileReader.forFile(file, Mappings.of(ERP_DEBTORS)).read(file, Mappings.of(ERP_DEBTORS), sink);

        // then the umlauts come out right and the steward is told why
        assertThat(sink.values(0)).containsExactly("000101", "Müller Bäckerei GmbH", "Köln");
        assertThat(sink.values(1)).containsExactly("000102", "Jürgen Förster KG", "Düsseldorf");
        assertThat(summary.warnings())
                .contains("the file is in DOS code page 850/437, not windows-1252 (line 2, "
                        + "byte 9 is 0x81: 'M\uFFFDller' in windows-1252, 'Müller' in IBM850); read as IBM850");
    }

    @Test
    void windows1252WithApostrophesAndDashesInWordsIsNotMistakenForDos() throws Exception {
        // given a genuine windows-1252 file with typographic apostrophes and dashes between letters
        Path file = write(
                "erp_debtors_1252.csv",
                CP1252,
                "Debitor;Name;Ort\n" + "000101;O’Brien’s Pub;Baden–Baden\n000102;Mäder & Söhne;Köln\n");
        CollectingSink sink = new CollectingSink();

        // when it is read with the encoding declared, then it loads as it is
        SourceFileReader.forFile(file, Mappings.of(ERP_DEBTORS + "encoding: windows-1252\n"))
                .read(file, Mappings.of(ERP_DEBTORS + "encoding: windows-1252\n"), sink);

        assertThat(sink.values(0)).containsExactly("000101", "O’Brien’s Pub", "Baden–Baden");
        assertThat(sink.values(1)).containsExactly("000102", "Mäder & Söhne", "Köln");
    }

    @Test
    void declaredUtf8ButWindows1252IsRejectedAtTheFirstInvalidByteWithWhatIcuDetects() throws Exception {
        // given a windows-1252 file declared UTF-8
        Path file = write("erp_debtors_1252.csv", CP1252, GERMAN_DEBTORS);

        // when it is read, then the reason names the line and byte (ü = 0xFC in Müller) and ICU's guess
        assertThatThrownBy(() -> read(file, ERP_DEBTORS + "encoding: UTF-8\n"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageStartingWith("File erp_debtors_1252.csv: mapping erp_debtors declares UTF-8, but line 2, "
                        + "byte 9 (0xFC) is not valid UTF-8; the file looks like ISO-8859-1 (")
                .hasMessageEndingWith(
                        ". Set 'encoding:' in the mapping to the file's encoding or ask the sender for UTF-8");
    }

    @Test
    void declaredUtf8ButDosCodePageNamesTheDosCodePage() throws Exception {
        Path file = write("erp_debtors_cp850.csv", CP850, GERMAN_DEBTORS);

        assertThatThrownBy(() -> read(file, ERP_DEBTORS + "encoding: UTF-8\n"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("declares UTF-8, but line 2, byte 9 (0x81) is not valid UTF-8; the file looks "
                        + "like DOS code page 850/437 (IBM850; line 2, byte 9 is 0x81");
    }

    private void read(Path file, String mappingYaml) throws FileRejectedException {
        SourceFileReader.forFile(file, Mappings.of(mappingYaml))
                .read(file, Mappings.of(mappingYaml), new CollectingSink());
    }

    private Path write(String name, Charset charset, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }
}
