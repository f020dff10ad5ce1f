package io.salesbi.match.adhoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the lists {@code salesbi match} is given: encodings, delimiters, and one instance per repeated value. */
class InputTableReaderTest {

    @TempDir
    Path folder;

    @Test
    void utf8WithByteOrderMarkAndSemicolons() throws Exception {
        Path file = folder.resolve("bom.csv");
        byte[] text =
                "id; Firma ;Ort\n1;Müller GmbH;Köln\n\n2; \"Schmidt; Söhne\" ;Köln\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Files.write(file, bytes);

        InputTable table = InputTableReader.read(file);

        assertThat(table.header()).containsExactly("id", "Firma", "Ort");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.values(1)).containsExactly("Müller GmbH", "Schmidt; Söhne");
        assertThat(table.values(2)).containsExactly("Köln", "Köln");
        assertThat(table.column("firma")).isEqualTo(1);
    }

    @Test
    void bytesThatAreNoUtf8AreReadAsWindows1252() throws Exception {
        Path file = folder.resolve("ansi.csv");
        Files.write(file, "id,Firma\n7,Bäckerei Groß – Filiale\n".getBytes(Charset.forName("windows-1252")));

        InputTable table = InputTableReader.read(file);

        assertThat(table.values(1)).containsExactly("Bäckerei Groß – Filiale");
    }

    @Test
    void repeatedValuesOfAColumnAreOneInstanceButMostlyDistinctColumnsAreLeftAlone() throws Exception {
        Path file = folder.resolve("many.csv");
        StringBuilder csv = new StringBuilder("id,city\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("r")
                    .append(i)
                    .append(',')
                    .append(i % 3 == 0 ? "Berlin" : "Hamburg")
                    .append('\n');
        }
        Files.writeString(file, csv);

        InputTable table = InputTableReader.read(file);

        String[] city = table.values(1);
        assertThat(city).hasSize(20_000);
        assertThat(city[3]).isEqualTo("Berlin").isSameAs(city[0]).isSameAs(city[19_998]);
        assertThat(city[19_999]).isEqualTo("Hamburg").isSameAs(city[1]);
        assertThat(table.values(0)[19_999]).isEqualTo("r19999");
    }
}
