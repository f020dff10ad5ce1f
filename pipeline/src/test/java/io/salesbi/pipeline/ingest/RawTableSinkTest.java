package io.salesbi.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every typed value a reader delivers arrives in the raw table unchanged through the sink's hand-over file: text with
 * the characters CSV treats specially, an empty text apart from a missing one, decimals at the column's scale, dates,
 * timestamps, whole and floating numbers, booleans, and the lineage of each row.
 */
class RawTableSinkTest {

    private static final String MAPPING = """
            name: t
            inbox: t
            file-pattern: "*.csv"
            target: raw.t
            fields:
              - { column: "Text", field: label, type: string }
              - { column: "Menge", field: qty, type: integer }
              - { column: "Betrag", field: amount, type: decimal }
              - { column: "Tag", field: day, type: date }
              - { column: "Zeit", field: at, type: timestamp }
              - { column: "Anteil", field: share, type: decimal }
              - { column: "Aktiv", field: active, type: boolean }
            """;

    @Test
    void everyValueArrivesUnchangedWithItsLineage(@TempDir Path dir) throws Exception {
        SourceMapping mapping =
                MappingLoader.parse("t.yaml", new ByteArrayInputStream(MAPPING.getBytes(StandardCharsets.UTF_8)));
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            try (Statement statement = conn.createStatement()) {
                statement.execute("create schema raw");
                statement.execute("create table raw.t (_load_id bigint, _source_file varchar, _file_hash varchar,"
                        + " _sheet varchar, _row_number bigint, label varchar, qty integer, amount decimal(18,2),"
                        + " day date, \"at\" timestamp, share double, active boolean)");
            }
            conn.setAutoCommit(false);
            List<Object[]> rows = List.of(
                    new Object[] {
                        "Müller, \"Maschinenbau\"\nGmbH\r\n  ",
                        3,
                        new BigDecimal("1234.5"),
                        LocalDate.of(2026, 1, 15),
                        LocalDateTime.of(2026, 1, 15, 23, 59, 58, 123_000_000),
                        0.1,
                        true
                    },
                    new Object[] {"", -7, new BigDecimal("-0.005"), LocalDate.of(1999, 12, 31), null, 1.0e-12, false},
                    new Object[] {null, null, null, null, null, null, null},
                    new Object[] {
                        "\\ ' ; \t 漢字 🙂",
                        Integer.MAX_VALUE,
                        new BigDecimal("9999999999999999.99"),
                        null,
                        LocalDate.of(2026, 2, 1),
                        -2.5,
                        null
                    });
            try (RawTableSink sink = new RawTableSink(conn, mapping, 42, "it's orders.csv", "abc123")) {
                sink.accept(null, 2, rows.get(0));
                sink.accept("Blatt 1", 3, rows.get(1));
                sink.accept(null, 4, rows.get(2));
                sink.accept(null, 5, rows.get(3));
                sink.complete();
            }
            conn.commit();

            List<List<Object>> stored = new ArrayList<>();
            try (Statement statement = conn.createStatement();
                    ResultSet rs = statement.executeQuery("select * from raw.t order by _row_number")) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= 12; i++) {
                        row.add(rs.getObject(i));
                    }
                    stored.add(row);
                }
            }
            assertThat(stored).hasSize(4);
            assertThat(stored.get(0))
                    .containsExactly(
                            42L,
                            "it's orders.csv",
                            "abc123",
                            null,
                            2L,
                            "Müller, \"Maschinenbau\"\nGmbH\r\n  ",
                            3,
                            new BigDecimal("1234.50"),
                            LocalDate.of(2026, 1, 15),
                            java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 1, 15, 23, 59, 58, 123_000_000)),
                            0.1,
                            true);
            // an empty text stays empty (not NULL); -0.005 at scale 2 rounds half up to -0.01
            assertThat(stored.get(1))
                    .containsExactly(
                            42L,
                            "it's orders.csv",
                            "abc123",
                            "Blatt 1",
                            3L,
                            "",
                            -7,
                            new BigDecimal("-0.01"),
                            LocalDate.of(1999, 12, 31),
                            null,
                            1.0e-12,
                            false);
            assertThat(stored.get(2))
                    .containsExactly(
                            42L, "it's orders.csv", "abc123", null, 4L, null, null, null, null, null, null, null);
            // a date for a timestamp column is its midnight
            assertThat(stored.get(3))
                    .containsExactly(
                            42L,
                            "it's orders.csv",
                            "abc123",
                            null,
                            5L,
                            "\\ ' ; \t 漢字 🙂",
                            Integer.MAX_VALUE,
                            new BigDecimal("9999999999999999.99"),
                            null,
                            java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 2, 1, 0, 0)),
                            -2.5,
                            null);
        }
        // the hand-over file is gone
        try (var left = Files.list(dir.resolve("w.duckdb.tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * A file of several chunks: every row arrives once and in order while later chunks are still written; a chunk
     * DuckDB refuses fails the load with the file's name, and no hand-over file is left either way.
     */
    @Test
    void aFileOfSeveralChunksArrivesWholeAndARefusedChunkFailsTheLoad(@TempDir Path dir) throws Exception {
        SourceMapping mapping =
                MappingLoader.parse("t.yaml", new ByteArrayInputStream(MAPPING.getBytes(StandardCharsets.UTF_8)));
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            try (Statement statement = conn.createStatement()) {
                statement.execute("create schema raw");
                statement.execute("create table raw.t (_load_id bigint, _source_file varchar, _file_hash varchar,"
                        + " _sheet varchar, _row_number bigint, label varchar, qty integer check (qty <> 1734),"
                        + " amount decimal(18,2), day date, \"at\" timestamp, share double, active boolean)");
            }
            conn.setAutoCommit(false);
            // given 2,500 rows in chunks of 1,000
            try (RawTableSink sink = new RawTableSink(conn, mapping, 7, "orders.csv", "h").withChunkRows(1_000)) {
                for (int row = 1; row <= 2_500; row++) {
                    sink.accept(null, row, new Object[] {"r" + row, -row, null, null, null, null, null});
                }
                sink.complete();
            }
            conn.commit();
            try (Statement statement = conn.createStatement();
                    ResultSet rs = statement.executeQuery("select count(*), count(distinct _row_number),"
                            + " min(_row_number), max(_row_number), bool_and(label = 'r' || _row_number),"
                            + " bool_and(qty = -_row_number) from raw.t")) {
                rs.next();
                assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                        .containsExactly(2_500L, 2_500L, 1L, 2_500L);
                assertThat(rs.getBoolean(5)).isTrue();
                assertThat(rs.getBoolean(6)).isTrue();
            }

            // and a second file whose second chunk breaks the table's rule at row 1,734
            RawTableSink failing = new RawTableSink(conn, mapping, 8, "broken.csv", "h2").withChunkRows(1_000);
            for (int row = 1; row <= 2_500; row++) {
                failing.accept(null, row, new Object[] {"r" + row, row, null, null, null, null, null});
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(failing::complete)
                    .isInstanceOf(java.sql.SQLException.class)
                    .hasMessageContaining("Cannot move rows 1001 to 2000 of broken.csv into raw.t")
                    .hasMessageContaining("CHECK constraint failed");
            failing.close();
            conn.rollback();
            try (Statement statement = conn.createStatement();
                    ResultSet rs = statement.executeQuery("select count(*) from raw.t where _load_id = 8")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        try (var left = Files.list(dir.resolve("w.duckdb.tmp"))) {
            assertThat(left).isEmpty();
        }
    }
}
