package io.salesbi.pipeline.warehouse;

import static io.salesbi.pipeline.matching.TestWarehouse.execute;
import static io.salesbi.pipeline.matching.TestWarehouse.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw tables the mappings own, on a real warehouse: made from the mapping when missing, grown by fields appended
 * to it, refused when changed otherwise, and the tables of the migrations left to them.
 */
class MappedRawTablesTest {

    @TempDir
    Path dir;

    private static SourceMapping mapping(String fields) {
        String yaml = """
                name: price_list
                inbox: pricing
                file-pattern: "prices*.csv"
                target: raw.price_list
                fields:
                """ + fields;
        return MappingLoader.parse("price_list.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String TWO_FIELDS = """
              - { column: "Artikel", field: product_no, type: string, required: true }
              - { column: "Preis", field: price, type: decimal }
            """;

    @Test
    void theBaselineTablesMovedToTheirMappingsAreExactlyWhatTheMappingsDescribe() throws Exception {
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"));
                Connection conn = warehouse.connect()) {
            assertThat(MappedRawTables.owners(conn))
                    .containsEntry("raw.service_driver", "service_drivers")
                    .containsEntry("raw.survey_answer", "survey");
            // opening checked them column by column; a second look finds nothing to do
            assertThat(MappedRawTables.bringUpToDate(warehouse.file(), conn, MappedRawTables.bundledMappings()))
                    .isEmpty();
            assertThat(columns(conn, "service_driver"))
                    .containsExactly(
                            "_load_id BIGINT NO",
                            "_source_file VARCHAR NO",
                            "_file_hash VARCHAR NO",
                            "_sheet VARCHAR YES",
                            "_row_number BIGINT NO",
                            "debtor_no VARCHAR YES",
                            "year INTEGER YES",
                            "visits INTEGER YES",
                            "support_tickets INTEGER YES",
                            "special_deliveries INTEGER YES");
        }
    }

    @Test
    void anOpenWhoseMappingsDidNotChangeHasNothingToDoUnlessAnOwnedTableIsGone() throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse warehouse = Warehouse.open(file);
                Connection conn = warehouse.connect()) {
            assertThat(rows(conn, "select bundled_mappings from ops.mapped_raw_state"))
                    .containsExactly(io.salesbi.connectors.mapping.MappedRawTable.bundledFingerprint());
            assertThat(MappedRawTables.bringUpToDateIfChanged(file, conn)).isEmpty();
            execute(conn, "drop table raw.service_driver");
        }
        try (Warehouse warehouse = Warehouse.open(file);
                Connection conn = warehouse.connect()) {
            assertThat(columns(conn, "service_driver")).hasSize(10);
            // another fingerprint (mappings of another release): everything is checked again, and nothing differs
            execute(conn, "update ops.mapped_raw_state set bundled_mappings = 'of another release'");
            assertThat(MappedRawTables.bringUpToDateIfChanged(file, conn)).isEmpty();
            assertThat(rows(conn, "select count(*) from ops.mapped_raw_state")).containsExactly("1");
        }
    }

    @Test
    void aMissingTableIsMadeFromItsMappingAndGrowsByAppendedFields() throws Exception {
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"));
                Connection conn = warehouse.connect()) {
            assertThat(MappedRawTables.bringUpToDate(warehouse.file(), conn, List.of(mapping(TWO_FIELDS))))
                    .containsExactly("raw.price_list created from mapping price_list");
            assertThat(columns(conn, "price_list"))
                    .containsExactly(
                            "_load_id BIGINT NO",
                            "_source_file VARCHAR NO",
                            "_file_hash VARCHAR NO",
                            "_sheet VARCHAR YES",
                            "_row_number BIGINT NO",
                            "product_no VARCHAR YES",
                            "price DECIMAL(18,4) YES");
            assertThat(MappedRawTables.owners(conn)).containsEntry("raw.price_list", "price_list");
            execute(conn, "insert into raw.price_list values (1, 'prices.csv', 'h', null, 2, 'A-1', 9.5)");

            assertThat(MappedRawTables.bringUpToDate(warehouse.file(), conn, List.of(mapping(TWO_FIELDS))))
                    .isEmpty();
            List<String> extended =
                    MappedRawTables.bringUpToDate(warehouse.file(), conn, List.of(mapping(TWO_FIELDS + """
                              - { column: "Gültig ab", field: valid_from, type: date }
                            """)));

            assertThat(extended)
                    .containsExactly("raw.price_list extended by mapping price_list with [valid_from DATE]");
            assertThat(rows(conn, "select product_no, price, valid_from from raw.price_list"))
                    .containsExactly("A-1|9.5000|null");
        }
    }

    @Test
    void anOwnedTableWhoseMappingChangedOtherwiseStopsTheWarehouse() throws Exception {
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"));
                Connection conn = warehouse.connect()) {
            MappedRawTables.bringUpToDate(warehouse.file(), conn, List.of(mapping(TWO_FIELDS)));
            SourceMapping retyped = mapping("""
                      - { column: "Artikel", field: product_no, type: string, required: true }
                      - { column: "Preis", field: price, type: string }
                    """);

            assertThatThrownBy(() -> MappedRawTables.bringUpToDate(warehouse.file(), conn, List.of(retyped)))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("Warehouse " + warehouse.file() + ": raw.price_list belongs to mapping price_list"
                            + " (ops.mapped_raw_table), but column 7 is price DECIMAL(18,4) in the table and price"
                            + " VARCHAR in the mapping. A mapping-owned raw table only grows by fields appended at the"
                            + " end of the mapping; restore the field in the mapping (appending new ones after the"
                            + " last), or load into a new table (target raw.<table>_v2) as docs/architecture.md,"
                            + " \"Raw tables the mappings own\", explains.");
            SourceMapping shortened = mapping("""
                      - { column: "Artikel", field: product_no, type: string, required: true }
                    """);
            assertThatThrownBy(() -> MappedRawTables.bringUpToDate(warehouse.file(), conn, List.of(shortened)))
                    .hasMessageContaining("column 7 is price DECIMAL(18,4) in the table and not in the mapping.");
            assertThat(columns(conn, "price_list")).hasSize(7);
        }
    }

    @Test
    void aTableOfTheMigrationsIsLeftToThem() throws Exception {
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"));
                Connection conn = warehouse.connect()) {
            // raw.erp_order_line has columns only other mappings fill; its mapping does not own it
            SourceMapping fewer = MappingLoader.parse(
                    "own_lines.yaml", new ByteArrayInputStream("""
                            name: own_lines
                            inbox: erp
                            file-pattern: "lines*.csv"
                            target: raw.erp_order_line
                            fields:
                              - { column: "Beleg", field: document_no, type: string }
                            """.getBytes(StandardCharsets.UTF_8)));

            assertThat(MappedRawTables.bringUpToDate(warehouse.file(), conn, List.of(fewer)))
                    .isEmpty();
            assertThat(MappedRawTables.owners(conn)).doesNotContainKey("raw.erp_order_line");
            assertThat(MappedRawTables.orphans(conn, List.of(fewer)))
                    .contains("raw.service_driver", "raw.survey_answer");
        }
    }

    private static List<String> columns(Connection conn, String table) throws SQLException {
        return rows(
                conn,
                "select column_name || ' ' || data_type || ' ' || is_nullable from information_schema.columns"
                        + " where table_schema = 'raw' and table_name = '" + table + "' order by ordinal_position");
    }
}
