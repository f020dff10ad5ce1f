package io.salesbi.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of configuration error in a mapping file: each file has several errors of the class, and every
 * one of them is reported at once, with file:line:column, the key, the value found and what was expected.
 */
class MappingFileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void everyUnknownKeyIsReportedWithItsPlaceAndTheKeyMeant() throws IOException {
        // given a misspelled top-level key, a misspelled field key and a misspelled input key
        Path file = write("""
                name: orders
                inbox: erp
                file-pattern: "orders*.csv"
                target: raw.erp_order_line
                delimter: ";"
                fields:
                  - column: Beleg
                    field: document_no
                    type: string
                    requird: true
                inputs:
                  - { column: Text, nmae: text }
                """);

        assertThat(problems(file))
                .containsExactly(
                        file + ":5:1: unknown key 'delimter' (did you mean 'delimiter'?); known keys: [delimiter, "
                                + "drop-rows-where, encoding, fields, file-pattern, format, header-row, inbox, "
                                + "include-hidden-rows, inputs, locale, max-reject-ratio, name, sheet, sheet-index, target, "
                                + "unknown-columns]",
                        file
                                + ":10:5: unknown key 'fields[0].requird' (did you mean 'required'?); known keys: [aliases, "
                                + "column, default, expression, field, format, map, otherwise, required, type, value]",
                        file + ":12:5: key 'inputs[0].name' is missing or empty",
                        file
                                + ":12:21: unknown key 'inputs[0].nmae' (did you mean 'name'?); known keys: [aliases, column, "
                                + "default, format, name, type]");
    }

    @Test
    void everyValueOfTheWrongTypeIsReportedWithWhatWasFoundAndExpected() throws IOException {
        // given a text for a whole number, a fraction for a whole number, a text for a ratio, a mapping for an enum,
        // a number for an enum, a text for a list and a word for a boolean
        Path file = write("""
                name: orders
                inbox: erp
                file-pattern: "orders*.csv"
                target: raw.erp_order_line
                header-row: first
                sheet-index: 1.5
                max-reject-ratio: lots
                format: { type: csv }
                unknown-columns: 2
                fields:
                  - { column: Beleg, field: document_no, type: string, aliases: Belegnummer, required: often }
                """);

        assertThat(problems(file))
                .containsExactly(
                        file + ":5:1: key 'header-row' must be a whole number, found 'first'",
                        file + ":6:1: key 'sheet-index' must be a whole number, found 1.5",
                        file + ":7:1: key 'max-reject-ratio' must be a number, found 'lots'",
                        file + ":8:1: key 'format' must be one of [csv, xlsx, xls], found a mapping",
                        file + ":9:1: key 'unknown-columns' must be one of [ignore, warn, reject], found 2",
                        file + ":11:56: key 'fields[0].aliases' must be a list, found 'Belegnummer'",
                        file + ":11:78: key 'fields[0].required' must be true or false, found 'often'");
    }

    @Test
    void everyMissingRequiredKeyIsReportedAtItsMapping() throws IOException {
        // given a file without name and target, and a field without field and type
        Path file = write("""
                inbox: erp
                file-pattern: "orders*.csv"
                fields:
                  - { column: Beleg, field: document_no, type: string }
                  - { column: Menge }
                """);

        assertThat(problems(file))
                .containsExactly(
                        file + ":1:1: key 'name' is missing or empty",
                        file + ":1:1: key 'target' is missing or empty",
                        file + ":5:5: key 'fields[1].field' is missing or empty",
                        file
                                + ":5:5: key 'fields[1].type' is missing (one of [string, integer, decimal, percent, date, "
                                + "timestamp, boolean])");
    }

    @Test
    void valuesOutOfRangeAndAgainstTheWarehouseAreReportedTogether() throws IOException {
        // given a name that is no identifier, a ratio above 1, an unknown target field and a header row of 0
        Path file = write("""
                name: Orders
                inbox: erp
                file-pattern: "orders*.csv"
                target: raw.erp_order_line
                header-row: 0
                max-reject-ratio: 1.5
                fields:
                  - { column: Beleg, field: documentno, type: string }
                """);
        TargetSchema schema = new TargetSchema(Map.of("raw.erp_order_line", List.of("document_no", "line_no")));

        MappingException e = catchThrowableOfType(MappingException.class, () -> MappingLoader.load(file, schema));

        assertThat(e.problems())
                .containsExactly(
                        file + ":1:1: key 'name': 'Orders' must match [a-z][a-z0-9_]*",
                        file + ":5:1: key 'header-row': 0 must be a whole number >= 1",
                        file + ":6:1: key 'max-reject-ratio': 1.5 must be a number from 0 to 1 (0.2 = 20 %)",
                        file + ":8:22: key 'fields[0].field': 'documentno' is not a field of the target (did you mean "
                                + "'document_no'?); its fields: [document_no, line_no]");
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorNotTheLastOneWins() throws IOException {
        Path file = write("""
                name: orders
                inbox: erp
                name: other
                """);

        assertThat(problems(file))
                .singleElement()
                .asString()
                .startsWith(file + ":3:5: not valid YAML: Duplicate field 'name'");
    }

    private List<String> problems(Path file) {
        return catchThrowableOfType(MappingException.class, () -> MappingLoader.load(file))
                .problems();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("orders.yaml"), content);
    }
}
