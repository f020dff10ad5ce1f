package io.salesbi.connectors.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .isEqualTo(new FieldMapping("Belegdatum", List.of(), "document_date", FieldType.DATE, "dd.MM.yyyy", true));
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
    void errorsNameTheFileAndTheKey() throws IOException {
        Path typo = write("typo.yaml", ORDER_LINES.replace("file-pattern:", "filepattern:"));
        Path badType = write("bad_type.yaml", ORDER_LINES.replace("type: decimal", "type: money"));
        Path badDate = write("bad_date.yaml", ORDER_LINES.replace("dd.MM.yyyy", "dd.MM.yyyy bbb"));
        Path twice = write("twice.yaml", ORDER_LINES.replace("field: quantity", "field: document_no"));
        Path notYaml = write("broken.yaml", "name: [unclosed\n");

        assertThatThrownBy(() -> MappingLoader.load(typo)).hasMessageStartingWith("Mapping file " + typo
                + ": unknown key 'filepattern' (known keys: [delimiter, encoding, fields, file-pattern, format, ");
        assertThatThrownBy(() -> MappingLoader.load(badType)).hasMessage("Mapping file " + badType
                + ": key 'fields[2].type': 'money' is not one of [string, integer, decimal, percent, date, timestamp, boolean]");
        assertThatThrownBy(() -> MappingLoader.load(badDate)).hasMessageStartingWith("Mapping file " + badDate
                + ": key 'fields[1].format': 'dd.MM.yyyy bbb' is not a valid date pattern");
        assertThatThrownBy(() -> MappingLoader.load(twice)).hasMessage("Mapping file " + twice
                + ": key 'fields[2].field': field 'document_no' is mapped twice");
        assertThatThrownBy(() -> MappingLoader.load(notYaml)).hasMessageStartingWith("Mapping file " + notYaml
                + " is not valid YAML");
    }

    @Test
    void loadAllReadsAFolderInNameOrder() throws IOException {
        write("b.yaml", ORDER_LINES);
        write("a.yml", ORDER_LINES.replace("name: erp_order_lines", "name: other_lines"));
        write("notes.txt", "not a mapping");

        assertThat(MappingLoader.loadAll(dir)).extracting(SourceMapping::name)
                .containsExactly("other_lines", "erp_order_lines");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
