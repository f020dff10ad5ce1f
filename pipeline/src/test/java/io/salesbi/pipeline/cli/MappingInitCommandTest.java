package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.mapping.FieldMapping;
import io.salesbi.connectors.mapping.FieldType;
import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MappingInitCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void draftsAMappingThatValidateThenAcceptsForEveryRow() throws Exception {
        Path file = dir.resolve("webshop_orders_20250301.csv");
        Files.writeString(file, """
                Order Number,SKU,Qty,Order Date,Unit Price,Customer ID,Ship Country
                W-1001,SKU-1,2,2025-03-01,19.90,C-17,DE
                W-1001,SKU-7,1,2025-03-01,5.50,C-17,DE
                W-1002,SKU-1,3,2025-03-02,19.90,C-23,AT
                """);
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        Path draft = mappings.resolve("webshop_orders.yaml");

        int exit = run(
                "mapping",
                "init",
                file.toString(),
                "--target",
                "raw.erp_order_line",
                "--home",
                dir.toString(),
                "--out",
                draft.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString())
                .contains("mapping webshop_orders: 6 column(s) placed, 1 not placed, "
                        + "3 required field(s) missing; written to " + draft);
        assertThat(Files.exists(dir.resolve("warehouse")))
                .as("drafting creates no warehouse")
                .isFalse();
        SourceMapping mapping = MappingLoader.load(draft);
        assertThat(mapping.name()).isEqualTo("webshop_orders");
        assertThat(mapping.filePattern()).isEqualTo("webshop_orders_*.csv");
        assertThat(mapping.fields())
                .containsExactly(
                        new FieldMapping("Order Number", List.of(), "document_no", FieldType.STRING, null, true),
                        new FieldMapping("SKU", List.of(), "product_no", FieldType.STRING, null, true),
                        new FieldMapping("Qty", List.of(), "quantity", FieldType.DECIMAL, null, true),
                        new FieldMapping("Order Date", List.of(), "document_date", FieldType.DATE, "yyyy-MM-dd", true),
                        new FieldMapping("Unit Price", List.of(), "net_price", FieldType.DECIMAL, null, true),
                        new FieldMapping("Customer ID", List.of(), "debtor_no", FieldType.STRING, null, true),
                        new FieldMapping(
                                null,
                                List.of(),
                                "line_no",
                                FieldType.INTEGER,
                                null,
                                false,
                                null,
                                null,
                                java.util.Map.of(),
                                FieldMapping.Otherwise.QUARANTINE_RULE,
                                "row_number() over (partition by document_no order by _row_number)",
                                false));
        // the draft names its schema, installed in the home, in its first line: an editor completes and checks it
        assertThat(Files.readString(draft))
                .startsWith("# yaml-language-server: $schema=../schema/mapping.schema.json\n");
        assertThat(dir.resolve("schema/mapping.schema.json"))
                .hasSameTextualContentAs(Path.of("../docs/schema/mapping.schema.json"));
        assertThat(Files.readString(draft))
                .contains("# note: no currency column: the installation's home-currency")
                .contains("{ field: line_no, type: integer, expression: \"row_number() over (partition by document_no")
                .contains("#   \"Ship Country\" (string, e.g. DE)");

        Files.writeString(dir.resolve("salesbi.yaml"), "mappings: " + mappings + "\n");
        int validated = run("validate", "--home", dir.toString(), "--source", "webshop_orders", file.toString());

        // the draft numbers the lines and leaves the currency to the home currency; the channel is the steward's
        // TODO, and the dry run says so, as it says that the debtors and products are in no master yet
        assertThat(validated).as(out.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("3 rows delivered: 0 would load, 3 would be quarantined")
                .contains("rule order_line.unknown_channel: 3 row(s)")
                .contains("rule order_line.unknown_debtor: 3 row(s)")
                .doesNotContain("order_line.missing_key");
    }

    @Test
    void anUnknownTargetIsAUsageErrorListingTheRawTables() throws Exception {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, "Beleg;Menge\nA-1;2\n");

        int exit = run("mapping", "init", file.toString(), "--target", "raw.order_lines", "--home", dir.toString());

        assertThat(exit).isEqualTo(SalesbiCommand.EXIT_USAGE);
        assertThat(err.toString())
                .startsWith("init: --target 'raw.order_lines' is not a raw table; known: [")
                .contains("raw.erp_order_line");
        assertThat(out.toString()).isEmpty();
    }
}
