package io.salesbi.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingLoaderTest {

    private static final String ORDER_LINES = """
            name: erp_order_lines
            inbox: erp
            file-pattern: "erp_order_lines*.csv"
            target: raw.erp_order_line
            format: csv
            encoding: windows-1252
            delimiter: ";"
            locale: de-DE
            header-row: 1
            unknown-columns: warn
            max-reject-ratio: 0.2
            fields:
              - { column: "Beleg", field: document_no, type: string, required: true }
              - { column: "Belegdatum", field: document_date, type: date, format: "dd.MM.yyyy", required: true }
              - { column: "Menge", field: quantity, type: decimal, required: true, aliases: ["Anzahl"] }
              - { column: "Rabatt %", field: discount_pct, type: percent }
            """;

    @TempDir
    Path dir;

    @Test
    void loadsEveryKeyOfAMappingFile() throws IOException {
        SourceMapping mapping = MappingLoader.load(write("order_lines.yaml", ORDER_LINES));

        assertThat(mapping.name()).isEqualTo("erp_order_lines");
        assertThat(mapping.inbox()).isEqualTo("erp");
        assertThat(mapping.filePattern()).isEqualTo("erp_order_lines*.csv");
        assertThat(mapping.target()).isEqualTo("raw.erp_order_line");
        assertThat(mapping.format()).isEqualTo(SourceMapping.FileFormat.CSV);
        assertThat(mapping.encoding()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(mapping.delimiter()).isEqualTo(';');
        assertThat(mapping.locale()).isEqualTo(Locale.GERMANY);
        assertThat(mapping.headerRow()).isEqualTo(1);
        assertThat(mapping.unknownColumns()).isEqualTo(SourceMapping.UnknownColumns.WARN);
        assertThat(mapping.maxRejectRatio()).isEqualTo(0.2);
        assertThat(mapping.fieldNames()).containsExactly("document_no", "document_date", "quantity", "discount_pct");
        assertThat(mapping.fields().get(1))
                .isEqualTo(
                        new FieldMapping("Belegdatum", List.of(), "document_date", FieldType.DATE, "dd.MM.yyyy", true));
        assertThat(mapping.fields().get(2).aliases()).containsExactly("Anzahl");
        assertThat(mapping.fields().get(3).required()).isFalse();
    }

    @Test
    void optionalKeysFallBackToDetection() throws IOException {
        SourceMapping mapping = MappingLoader.load(write("min.yaml", """
                name: minimal
                inbox: crm
                file-pattern: "*.csv"
                target: raw.crm_contact
                fields:
                  - { column: "Contact ID", field: contact_id, type: string }
                """));

        assertThat(mapping.encoding()).isNull();
        assertThat(mapping.delimiter()).isNull();
        assertThat(mapping.headerRow()).isNull();
        assertThat(mapping.format()).isNull();
        assertThat(mapping.locale()).isEqualTo(Locale.ROOT);
        assertThat(mapping.unknownColumns()).isEqualTo(SourceMapping.UnknownColumns.WARN);
        assertThat(mapping.maxRejectRatio()).isEqualTo(0.2);
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnceWithItsLineAndASuggestion() throws IOException {
        // given a mapping with a misspelled key, an unknown type, a bad date pattern and a field mapped twice
        Path broken = write(
                "broken.yaml",
                ORDER_LINES
                        .replace("file-pattern:", "file-patern:")
                        .replace("type: decimal", "type: decmal")
                        .replace("dd.MM.yyyy", "dd.MM.yyyy bbb")
                        .replace("field: discount_pct", "field: document_no"));

        // when it is loaded, then all five problems come in one exception, one line each, with file:line:column of
        // the key (a missing key: of its mapping), in the order of the file
        assertThatThrownBy(() -> MappingLoader.load(broken))
                .isInstanceOfSatisfying(
                        MappingException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        broken + ":1:1: key 'file-pattern' is missing or empty",
                                        broken
                                                + ":3:1: unknown key 'file-patern' (did you mean 'file-pattern'?); known keys: "
                                                + "[delimiter, drop-rows-where, encoding, fields, file-pattern, format, header-row, "
                                                + "inbox, include-hidden-rows, inputs, locale, max-reject-ratio, name, sheet, "
                                                + "sheet-index, target, unknown-columns]",
                                        broken
                                                + ":14:63: key 'fields[1].format': 'dd.MM.yyyy bbb' is not a valid date pattern: "
                                                + "Unknown pattern letter: b",
                                        broken
                                                + ":15:41: key 'fields[2].type': 'decmal' is not one of [string, integer, decimal, "
                                                + "percent, date, timestamp, boolean] (did you mean 'decimal'?)",
                                        broken + ":16:5: field 'document_no' is mapped twice"));
    }

    @Test
    void anInputMayReadAColumnAFieldReadsButTwoFieldsMayNot() throws IOException {
        String base = ORDER_LINES.replace(
                "max-reject-ratio: 0.2\n", "max-reject-ratio: 0.2\ndrop-rows-where: \"lower(beleg_text) = 'summe'\"\n");
        Path withInput = write("input.yaml", base + "inputs:\n  - { column: \"Beleg\", name: beleg_text }\n");
        Path twice = write("twice.yaml", ORDER_LINES.replace("column: \"Rabatt %\"", "column: \"Beleg\""));

        assertThat(MappingLoader.load(withInput).fields())
                .extracting(FieldMapping::column)
                .containsExactly("Beleg", "Belegdatum", "Menge", "Rabatt %", "Beleg");
        assertThatThrownBy(() -> MappingLoader.load(twice))
                .isInstanceOfSatisfying(
                        MappingException.class,
                        e -> assertThat(e.problems()).containsExactly(twice + ":16:7: column 'Beleg' is mapped twice"));
    }

    @Test
    void aFileThatIsNoYamlNamesItsLine() throws IOException {
        Path notYaml = write("broken.yaml", "name: x\ninbox: [unclosed\n");

        assertThatThrownBy(() -> MappingLoader.load(notYaml))
                .isInstanceOfSatisfying(
                        MappingException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith(notYaml + ":2:17: not valid YAML: while parsing a flow sequence")
                                .doesNotContain("\n"));
    }

    @Test
    void aBrokenMappingTakesOnlyItselfOutOfAFolder() throws IOException {
        write("a.yaml", ORDER_LINES);
        write(
                "b.yaml",
                ORDER_LINES.replace("name: erp_order_lines", "name: other").replace("type: date", "type: dat"));

        MappingLoader.MappingSet set = MappingLoader.loadEach(dir, null);

        assertThat(set.mappings()).extracting(SourceMapping::name).containsExactly("erp_order_lines");
        assertThat(set.broken())
                .singleElement()
                .satisfies(e -> assertThat(e.problems())
                        .containsExactly(dir.resolve("b.yaml")
                                + ":14:51: key 'fields[1].type': 'dat' is not one of [string, integer, decimal, "
                                + "percent, date, timestamp, boolean] (did you mean 'date'?)"));
    }

    @Test
    void loadAllReadsAFolderInNameOrder() throws IOException {
        write("b.yaml", ORDER_LINES);
        write("a.yml", ORDER_LINES.replace("name: erp_order_lines", "name: other_lines"));
        write("notes.txt", "not a mapping");

        assertThat(MappingLoader.loadAll(dir))
                .extracting(SourceMapping::name)
                .containsExactly("other_lines", "erp_order_lines");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
