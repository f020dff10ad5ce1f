package io.salesbi.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The raw table a mapping describes: lineage first, then the loaded fields in order with their column types. */
class MappedRawTableTest {

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

    @Test
    void theTableIsTheLineageThenEveryLoadedFieldWithTheColumnTypeOfItsType() {
        SourceMapping mapping = mapping("""
                  - { column: "Artikel", field: product_no, type: string, required: true }
                  - { column: "Menge ab", field: min_quantity, type: integer }
                  - { column: "Preis", field: price, type: decimal }
                  - { column: "Rabatt", field: discount, type: percent }
                  - { column: "Ab", field: valid_from, type: date }
                  - { column: "Stand", field: exported, type: timestamp }
                  - { column: "Aktiv", field: active, type: boolean }
                  - { field: currency, type: string, value: EUR }
                """);

        MappedRawTable table = MappedRawTable.of(mapping);

        assertThat(table.table()).isEqualTo("raw.price_list");
        assertThat(table.mapping()).isEqualTo("price_list");
        assertThat(table.createSql())
                .isEqualTo("create table if not exists raw.price_list (_load_id BIGINT not null, _source_file VARCHAR"
                        + " not null, _file_hash VARCHAR not null, _sheet VARCHAR, _row_number BIGINT not null,"
                        + " product_no VARCHAR, min_quantity INTEGER, price DECIMAL(18,4), discount DECIMAL(9,6),"
                        + " valid_from DATE, exported TIMESTAMP, active BOOLEAN, currency VARCHAR)");
    }

    @Test
    void anInputIsReadButNotAColumn() {
        String yaml = """
                name: price_list
                inbox: pricing
                file-pattern: "prices*.csv"
                target: raw.price_list
                inputs:
                  - { column: "Zeile", name: line_kind }
                fields:
                  - { column: "Artikel", field: product_no, type: string }
                drop-rows-where: "line_kind = 'Summe'"
                """;
        SourceMapping mapping =
                MappingLoader.parse("price_list.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

        assertThat(MappedRawTable.of(mapping).columns())
                .extracting(MappedRawTable.Column::name)
                .containsExactly("_load_id", "_source_file", "_file_hash", "_sheet", "_row_number", "product_no");
    }
}
