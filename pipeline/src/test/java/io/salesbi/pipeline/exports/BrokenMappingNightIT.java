package io.salesbi.pipeline.exports;

import static io.salesbi.pipeline.exports.WarehouseRows.shopResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.cli.SalesbiCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A mapping with a misspelled key and a misspelled field: {@code validate} and the night name every error as
 * file:line with a suggestion; the night loads the other sources' files, leaves the broken source's files in the
 * inbox and ends with warnings (exit 4).
 */
class BrokenMappingNightIT {

    private static final String EXPORT = "shop_orders-lineTotalsOnly-noCurrency-ownChannels-totalRow.csv";

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aBrokenMappingIsReportedLineByLineAndTakesOnlyItsOwnSourceOutOfTheNight() throws Exception {
        // given the shop mappings and a service-driver mapping with two typos, and a file for each
        Path mappings = Files.createDirectories(home.resolve("mappings"));
        for (String m : List.of("shop_order_lines.yaml", "shop_customers.yaml", "shop_products.yaml")) {
            Files.copy(shopResource("mappings/" + m), mappings.resolve(m));
        }
        Path broken = Files.writeString(mappings.resolve("service_drivers.yaml"), """
                name: service_drivers
                inbox: service
                file-pattern: "service_drivers*.csv"
                target: raw.service_driver
                max-reject-ration: 0.2
                fields:
                  - { column: "Debitor", field: debtor_no, type: string, required: true }
                  - { column: "Year", field: year, type: integer, required: true }
                  - { column: "Visits", field: visit, type: integer }
                """);
        Files.copy(
                shopResource(EXPORT),
                Files.createDirectories(home.resolve("inbox/shop")).resolve(EXPORT));
        Path drivers = Files.writeString(
                Files.createDirectories(home.resolve("inbox/service")).resolve("service_drivers_20260101.csv"),
                "Debitor,Year,Visits\nC-17,2025,4\n");
        Files.writeString(home.resolve("salesbi.yaml"), "mappings: ./mappings\n");

        // when validate checks the driver file, then exit 2 with one line per error, file:line and a suggestion
        int validate = run(
                "validate",
                "--home",
                home.toString(),
                "--config",
                home.resolve("salesbi.yaml").toString(),
                drivers.toString());
        assertThat(validate).as(out + "\n" + err).isEqualTo(SalesbiCommand.EXIT_USAGE);
        assertThat(err.toString().lines().toList())
                .containsExactly(
                        broken
                                + ":5:1: unknown key 'max-reject-ration' (did you mean 'max-reject-ratio'?); known keys: "
                                + "[delimiter, drop-rows-where, encoding, fields, file-pattern, format, header-row, inbox, "
                                + "include-hidden-rows, inputs, locale, max-reject-ratio, name, sheet, sheet-index, target, "
                                + "unknown-columns]",
                        broken
                                + ":9:25: key 'fields[2].field': 'visit' is not a field of the target (did you mean 'visits'?);"
                                + " its fields: [debtor_no, year, visits, support_tickets, special_deliveries]");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");

        // when the night runs, then the shop's export loads, the broken source's file waits, the night warns
        out.getBuffer().setLength(0);
        int night = run(
                "run",
                "--home",
                home.toString(),
                "--config",
                home.resolve("salesbi.yaml").toString(),
                "--as-of",
                "2026-01-15");
        assertThat(night).as(out.toString()).isEqualTo(SalesbiCommand.EXIT_WARNINGS);
        assertThat(drivers).exists();
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse/salesbi.duckdb"));
                Statement st = conn.createStatement()) {
            assertThat(value(st, "select sum(net_revenue_eur) from kpi.sales_cube"))
                    .isEqualTo("3036.14");
            assertThat(value(st, "select reason_code || ': ' || file_name from ops.file_load where status = 'FAILED'"))
                    .isEqualTo("mapping_invalid: service_drivers.yaml");
            assertThat(value(st, "select message from ops.file_load where status = 'FAILED'"))
                    .contains(broken + ":9:25: key 'fields[2].field': 'visit' is not a field of the target");
        }
    }

    private int run(String... args) {
        CommandLine cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String value(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
