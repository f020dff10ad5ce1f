package io.salesbi.connectors.read;

import static io.salesbi.connectors.read.SapExportsTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesbi.connectors.mapping.SourceMapping;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Real workbooks from the calamine test suite (MIT, see src/test/resources/README.md); expected values as asserted
 * in calamine's tests/test.rs. Files without a header row are read with {@code header-row: 1}, so their first row
 * names the columns.
 */
class CalamineWorkbooksTest {

    private static String mapping(String extra, String fields) {
        return """
                name: calamine
                inbox: excel
                file-pattern: "*"
                target: raw.test
                %s
                fields:
                %s
                """.formatted(extra, fields.indent(2));
    }

    @Test
    void serialDatesInThe1900System() throws Exception {
        CollectingSink sink = read("calamine/date.xlsx", mapping("header-row: 1", """
                - { column: "44197", field: day, type: timestamp }
                - { column: "15", field: number, type: integer }
                """));

        assertThat(sink.rows)
                .extracting(r -> r.values().get(0), r -> r.values().get(1))
                .containsExactly(
                        tuple(LocalDateTime.of(2021, 1, 2, 0, 0), 16L),
                        tuple(LocalDateTime.of(1900, 1, 10, 15, 10, 10), 17L));
    }

    @Test
    void serialDatesInThe1904System() throws Exception {
        CollectingSink sink = read("calamine/date_1904.xlsx", mapping("header-row: 1", """
                - { column: "42735", field: day, type: date }
                - { column: "15", field: number, type: integer }
                """));

        assertThat(sink.values(0)).containsExactly(LocalDate.of(2021, 1, 2), 16L);
        assertThat(sink.values(1)).containsExactly(LocalDate.of(1904, 1, 11), 17L);
    }

    @Test
    void mergedCellsCarryTheValueOnlyInTheirTopLeftCell() throws Exception {
        CollectingSink sink = read("calamine/merge_cells.xlsx", mapping("header-row: 1", """
                - { column: "Row Merge", field: a, type: string }
                - { column: "Not Merged", field: c, type: string }
                """));

        assertThat(sink.rows).hasSize(1);
        assertThat(sink.rows.get(0).row()).isEqualTo(2);
        assertThat(sink.values(0)).containsExactly("Column Merge", null);
    }

    @Test
    void sheetsAreChosenByNameOrIndexIncludingHiddenOnes() throws Exception {
        String fields = """
                - { column: "1", field: a, type: integer }
                - { column: "2", field: b, type: string }
                """;
        CollectingSink visible =
                read("calamine/any_sheets.xlsx", mapping("header-row: 1\nmax-reject-ratio: 1", fields));

        assertThat(visible.rows)
                .extracting(CollectingSink.Row::sheet, CollectingSink.Row::row, CollectingSink.Row::values)
                .containsExactly(
                        tuple("Visible", 2L, java.util.List.of(3L, "4")),
                        tuple("Visible", 3L, java.util.List.of(5L, "6")));
        assertThat(visible.rejections)
                .extracting(RowRejection::row, RowRejection::rule, RowRejection::rawValue)
                .containsExactly(tuple(
                        5L, "type.integer", "This workbook contains 4 sheets: Visible, Hidden, VeryHidden and Chart"));

        assertThatThrownBy(() -> read("calamine/any_sheets.xlsx", mapping("sheet: VeryHidden", fields)))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("File any_sheets.xlsx, sheet VeryHidden: no header row found, the sheet is empty");
        assertThatThrownBy(() -> read("calamine/any_sheets.xlsx", mapping("sheet: Missing", fields)))
                .hasMessage("File any_sheets.xlsx: sheet 'Missing' not found; the workbook has "
                        + "[Visible, Hidden (hidden), VeryHidden (hidden), Chart]");
    }

    @Test
    void passwordProtectedFileIsRejected() {
        assertThatThrownBy(() ->
                        read("calamine/pass_protected.xlsx", mapping("", "- { column: a, field: a, type: string }")))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("File pass_protected.xlsx is password-protected; ask the sender for an unprotected copy");
    }

    @Test
    void hugeDeclaredDimensionCostsNothing() throws Exception {
        long before = System.nanoTime();
        CollectingSink sink = read("calamine/issue_174.xlsx", mapping("", """
                - { column: "Your Ref #", field: ref, type: string, required: true }
                - { column: "Contact Name", field: contact, type: string }
                - { column: "City", field: city, type: string }
                - { column: "Weight", field: weight, type: decimal }
                - { column: "Pieces", field: pieces, type: integer }
                - { column: "Material Cost", field: cost, type: decimal }
                """));

        assertThat(sink.rows).hasSize(1);
        assertThat(sink.values(0))
                .containsExactly(
                        "123", "Test Contact Name", "My City", new BigDecimal("1.5"), 1L, new BigDecimal("1.201"));
        assertThat(System.nanoTime() - before).isLessThan(10_000_000_000L);
    }

    @Test
    void inlineStringsWithCdata() throws Exception {
        CollectingSink sink = read("calamine/inlineStr_cdata.xlsx", mapping("", """
                - { column: "Hello CDATA", field: a, type: integer, required: true }
                - { column: "World", field: b, type: string }
                """));

        assertThat(sink.values(0)).containsExactly(12345L, "NormalText");
    }

    @Test
    void richInlineStringsWinOverAStrayValueElement() throws Exception {
        CollectingSink sink = read("calamine/inlineStr_with_value.xlsx", mapping("unknown-columns: ignore", """
                - { column: "NN", field: nn, type: integer, required: true }
                - { column: "Hierarchy", field: hierarchy, type: string }
                - { column: "Outline Number", field: outline, type: string }
                - { column: "ID", field: id, type: string, required: true }
                """));

        assertThat(sink.values(0)).containsExactly(1L, "+", "1.", "RQ11610");
    }

    @Test
    void errorCellsAreRejectedWithTheirErrorCode() throws Exception {
        CollectingSink sink = read("calamine/errors.xlsx", mapping("header-row: 1\nmax-reject-ratio: 1", """
                - { column: "#DIV/0!", field: a, type: decimal }
                """));

        assertThat(sink.rows).isEmpty();
        assertThat(sink.rejections)
                .extracting(RowRejection::row, RowRejection::rawValue, RowRejection::rule)
                .containsExactly(
                        tuple(2L, "#NAME?", "excel_error"),
                        tuple(3L, "#VALUE!", "excel_error"),
                        tuple(4L, "#NULL!", "excel_error"),
                        tuple(5L, "#REF!", "excel_error"),
                        tuple(6L, "#NUM!", "excel_error"),
                        tuple(7L, "#N/A", "excel_error"));
    }

    @Test
    void formulaCellsGiveTheirCachedValues() throws Exception {
        Path file = resource("calamine/formula.issue.xlsx");
        SourceMapping m = Mappings.of(mapping("header-row: 1", "- { column: \"23\", field: a, type: integer }"));

        ReadSummary summary = SourceFileReader.forFile(file, m).read(file, m, new CollectingSink());

        assertThat(summary.unknownColumns()).containsExactly("23");
        assertThat(summary.rowsDelivered()).isZero();
    }

    private static CollectingSink read(String resource, String yaml) throws Exception {
        Path file = resource(resource);
        SourceMapping m = Mappings.of(yaml);
        CollectingSink sink = new CollectingSink();
        SourceFileReader.forFile(file, m).read(file, m, sink);
        return sink;
    }
}
