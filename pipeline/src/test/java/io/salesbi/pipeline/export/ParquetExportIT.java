package io.salesbi.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.generator.NewOrderLines;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * A small demo night exported to Parquet reads back with the warehouse's row counts and amounts, relation by
 * relation; exporting again changes nothing; after a night with 1 % new order lines in the latest two months only
 * those two order-fact partitions (and the relations derived from them) are rewritten.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParquetExportIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private Path home;
    private Path out;
    private ParquetExport.Result first;
    private ParquetExport.Result again;
    private ParquetExport.Result afterNewLines;
    private Map<String, List<String>> firstCounts;
    private Map<String, FileTime> factFilesBefore;
    private Map<String, List<String>> warehouseAfter;
    private Map<String, List<String>> parquetAfter;
    private Set<String> monthsWithNewLines;

    @BeforeAll
    void exportTwoNights(@TempDir Path tmp) throws Exception {
        home = tmp.resolve("site");
        out = tmp.resolve("export");
        new DemoDataGenerator(new GeneratorSettings(0.02, 7, home, AS_OF)).generate();
        night(true);
        first = export();
        firstCounts = compare();
        again = export();
        factFilesBefore = factFiles();

        int newLines = NewOrderLines.deliver(home, 0.01);
        redateToTheLatestTwoMonths(home.resolve("inbox/erp").resolve(NewOrderLines.fileName(1)));
        night(false);
        afterNewLines = export();
        try (Connection conn = Warehouse.openReadOnly(settings().warehouse())) {
            monthsWithNewLines = strings(
                    conn,
                    "select distinct 'year=' || year || '/month=' || month "
                            + "from core.fact_order_line where document_no like 'N%'");
            assertThat(count(conn, "select count(*) from core.fact_order_line where document_no like 'N%'"))
                    .isEqualTo(newLines);
        }
        warehouseAfter = warehouseCounts();
        parquetAfter = parquetCounts();
    }

    @Test
    void everyCoreAndKpiRelationReadsBackWithTheWarehousesRowsAndAmounts() throws Exception {
        assertThat(first.relations()).isGreaterThan(30);
        assertThat(firstCounts)
                .containsKeys(
                        "core.fact_order_line",
                        "core.customer_golden",
                        "kpi.channel_pnl",
                        "kpi.market_share",
                        "kpi.customer_value");
        assertThat(rows(firstCounts, "core.fact_order_line")).isGreaterThan(9000);
        assertThat(firstCounts.get("core.fact_order_line")).anyMatch(v -> v.matches("net_amount_eur=[1-9][0-9]+"));
        assertThat(firstCounts.get("kpi.channel_pnl")).hasSizeGreaterThan(3);
        assertThat(Files.list(out.resolve("core/fact_order_line"))
                        .map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("year=2023", "year=2024", "year=2025");
        assertThat(out.resolve("core/fact_order_line/year=2025/month=12")).isDirectory();
        assertThat(out.resolve("kpi/channel_pnl.parquet")).isNotEmptyFile();
        assertThat(out.resolve(ExportManifest.FILE_NAME)).isNotEmptyFile();
        assertThat(first.partsWritten()).hasSize(first.relations() - 1 + 36);
        assertThat(first.partsUnchanged()).isZero();
    }

    @Test
    void exportingTheSameWarehouseAgainWritesNothing() {
        assertThat(again.partsWritten()).isEmpty();
        assertThat(again.partsRemoved()).isEmpty();
        assertThat(again.partsUnchanged()).isEqualTo(first.partsWritten().size());
    }

    @Test
    void aNightWithNewOrderLinesRewritesOnlyTheirMonthsPartitions() throws Exception {
        assertThat(monthsWithNewLines).containsExactlyInAnyOrder("year=2025/month=11", "year=2025/month=12");
        List<String> factParts = afterNewLines.partsWritten().stream()
                .filter(p -> p.startsWith("core.fact_order_line/"))
                .toList();
        assertThat(factParts)
                .containsExactlyInAnyOrderElementsOf(monthsWithNewLines.stream()
                        .map(m -> "core.fact_order_line/" + m)
                        .toList());
        assertThat(afterNewLines.partsRemoved()).isEmpty();
        Map<String, FileTime> factFilesAfter = factFiles();
        factFilesBefore.forEach((file, time) -> {
            boolean rewritten = monthsWithNewLines.stream().anyMatch(file::startsWith);
            if (!rewritten) {
                assertThat(factFilesAfter).as(file).containsEntry(file, time);
            }
        });
        assertThat(parquetAfter).isEqualTo(warehouseAfter);
        assertThat(rows(warehouseAfter, "core.fact_order_line"))
                .isGreaterThan(rows(firstCounts, "core.fact_order_line"));
    }

    private static long rows(Map<String, List<String>> counts, String relation) {
        return Long.parseLong(counts.get(relation).get(0).substring("rows=".length()));
    }

    private Map<String, List<String>> compare() throws Exception {
        Map<String, List<String>> warehouse = warehouseCounts();
        assertThat(parquetCounts()).isEqualTo(warehouse);
        return warehouse;
    }

    /** Per relation: rows and sum(net_amount_eur) in cents (0 without that column), from the warehouse. */
    private Map<String, List<String>> warehouseCounts() throws Exception {
        try (Connection conn = Warehouse.openReadOnly(settings().warehouse())) {
            Map<String, List<String>> counts = new TreeMap<>();
            for (String relation : strings(
                    conn,
                    "select table_schema || '.' || table_name from "
                            + "information_schema.tables where table_schema in ('core', 'kpi')")) {
                counts.put(relation, rowsAndAmounts(conn, relation, relation));
            }
            return counts;
        }
    }

    /** The same, read back from the Parquet files (order facts with hive partitioning). */
    private Map<String, List<String>> parquetCounts() throws Exception {
        try (Connection conn = Warehouse.openReadOnly(settings().warehouse())) {
            Map<String, List<String>> counts = new TreeMap<>();
            for (String relation : strings(
                    conn,
                    "select table_schema || '.' || table_name from "
                            + "information_schema.tables where table_schema in ('core', 'kpi')")) {
                Path file = out.resolve(relation.replace('.', '/') + ".parquet");
                String source = relation.equals("core.fact_order_line")
                        ? "read_parquet('" + out.resolve("core/fact_order_line") + "/**/*.parquet', "
                                + "hive_partitioning = true)"
                        : "read_parquet('" + file + "')";
                counts.put(relation, rowsAndAmounts(conn, relation, source));
            }
            return counts;
        }
    }

    /**
     * Rows, then per numeric column (net_amount_eur among them) its sum in hundredths, summed exactly per row: the
     * same list from warehouse and Parquet means the same counts and amounts to the cent.
     */
    private static List<String> rowsAndAmounts(Connection conn, String relation, String source) throws SQLException {
        String[] name = relation.split("\\.");
        Set<String> numeric = strings(
                conn,
                "select column_name from information_schema.columns where table_schema = '"
                        + name[0] + "' and table_name = '" + name[1]
                        + "' and (data_type like 'DECIMAL%' or data_type in "
                        + "('DOUBLE', 'FLOAT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'HUGEINT'))");
        StringBuilder sql = new StringBuilder("select count(*)::varchar");
        for (String c : numeric) {
            sql.append(", coalesce(sum(round(\"").append(c).append("\"::double * 100)::hugeint), 0)::varchar");
        }
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql + " from " + source)) {
            rs.next();
            List<String> values = new ArrayList<>();
            values.add("rows=" + rs.getString(1));
            int i = 2;
            for (String c : numeric) {
                values.add(c + "=" + rs.getString(i++));
            }
            return values;
        }
    }

    /** Gives the new lines (copies of every 100th line, any date) dates in November and December 2025. */
    private static void redateToTheLatestTwoMonths(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, CP1252);
        List<String> redated = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(";", -1);
            f[2] = i % 2 == 0 ? "15.12.2025" : "14.11.2025";
            redated.add(String.join(";", f));
        }
        Files.write(file, redated, CP1252);
    }

    private Map<String, FileTime> factFiles() throws Exception {
        Path dir = out.resolve("core/fact_order_line");
        Map<String, FileTime> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    private ParquetExport.Result export() throws Exception {
        try (Connection conn = Warehouse.openReadOnly(settings().warehouse())) {
            return new ParquetExport(conn, out).export();
        }
    }

    private void night(boolean full) throws Exception {
        try (Warehouse warehouse = Warehouse.open(settings().warehouse())) {
            RunResult r = new NightlyRun(settings(), warehouse).execute(AS_OF, full);
            assertThat(r.status()).as(r.failure()).isEqualTo(BatchStatus.COMPLETED);
        }
    }

    private SalesbiSettings settings() throws Exception {
        return SettingsLoader.defaults(home);
    }

    private static Set<String> strings(Connection conn, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long count(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
