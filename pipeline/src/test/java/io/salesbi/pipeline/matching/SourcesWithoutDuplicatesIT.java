package io.salesbi.pipeline.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.match.quality.MatchQuality;
import io.salesbi.match.quality.WarehouseMatchQuality;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A small night whose salesbi.yaml declares the ERP to hold no duplicates ({@code match.sources-without-duplicates:
 * [erp]}): a second debtor planted as an exact copy of another (a firm's second account: same name, address, phone
 * and VAT id) stays a customer of its own, while the same night without the declaration merges the two. The steward
 * then reviews the night's least certain pairs at the console ({@code salesbi match review --home}), and the answers
 * land in the overrides file the next night reads.
 */
class SourcesWithoutDuplicatesIT {

    private static final double SCALE = 0.02;
    private static final long SEED = 7;
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
    private static final String COPY = "999999";

    @TempDir
    Path tmp;

    @Test
    void twoDebtorsOfTheErpAreNeverMergedWhenItIsDeclaredWithoutDuplicates() throws Exception {
        Path declared = tmp.resolve("declared");
        Path plain = tmp.resolve("plain");
        String original = generateWithCopiedDebtor(declared);
        assertThat(generateWithCopiedDebtor(plain)).isEqualTo(original);
        Files.writeString(declared.resolve("salesbi.yaml"), "match:\n  sources-without-duplicates: [erp]\n");
        Files.writeString(plain.resolve("salesbi.yaml"), "locale: de\n");

        night(declared);
        night(plain);

        try (Connection conn = Warehouse.openReadOnly(warehouse(plain))) {
            assertThat(customerOf(conn, "erp:" + COPY)).isEqualTo(customerOf(conn, "erp:" + original));
            assertThat(customersWithTwoDebtors(conn)).isPositive();
        }
        try (Connection conn = Warehouse.openReadOnly(warehouse(declared))) {
            assertThat(customerOf(conn, "erp:" + COPY)).isNotEqualTo(customerOf(conn, "erp:" + original));
            assertThat(customersWithTwoDebtors(conn)).isZero();
            assertThat(TestWarehouse.rows(
                            conn,
                            "select count(*) from core.customer_match_pair p where p.record_key_1 like 'erp:%' "
                                    + "and p.record_key_2 like 'erp:%'"))
                    .containsExactly("0");
            // the other sources are still linked to the debtors: the night measured against the generator's truth,
            // on the records the declaration is true for (the generator plants second debtors of a firm in the
            // ERP too: of each entity only its first debtor is kept)
            MatchQuality quality = WarehouseMatchQuality.of(conn, firstDebtorsOnly(declared), "entity_id");
            System.out.println("Night with the ERP declared without duplicates, truth without second debtors"
                    + System.lineSeparator() + quality.report());
            assertThat(quality.f1()).isGreaterThanOrEqualTo(0.97);
        }
    }

    @Test
    void theStewardReviewsTheLastNightAtTheConsole() throws Exception {
        Path home = tmp.resolve("site");
        new DemoDataGenerator(new GeneratorSettings(SCALE, SEED, home, AS_OF)).generate();
        Files.writeString(home.resolve("salesbi.yaml"), "match:\n  sources-without-duplicates: [erp]\n");
        night(home);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = SalesbiCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));

        InputStream stdin = System.in;
        int exit;
        try {
            System.setIn(new ByteArrayInputStream("u\nn\nyes\n".getBytes(StandardCharsets.UTF_8)));
            exit = command.execute("match", "review", "--home", home.toString(), "--batch", "2", "--pairs", "3");
        } finally {
            System.setIn(stdin);
        }

        assertThat(exit).as(err.toString()).isZero();
        List<String> labels = Files.readAllLines(home.resolve("config/match-overrides.csv"));
        assertThat(labels).hasSize(3);
        assertThat(labels.get(0)).isEqualTo("record_1,record_2,decision,comment");
        assertThat(labels.get(1)).matches("^(crm|erp|excel):[^,]+,(crm|erp|excel):[^,]+,no_match,.*");
        assertThat(labels.get(2)).matches("^(crm|erp|excel):[^,]+,(crm|erp|excel):[^,]+,match,.*");
        assertThat(out.toString())
                .contains("estimated again with 2 labels of this session (1 same, 1 different)")
                .contains("reviewed 3 pairs: 1 same, 1 different, 1 unsure");
    }

    /** Generates the inbox and appends a copy of its first debtor under another number; the original's number. */
    private static String generateWithCopiedDebtor(Path home) throws Exception {
        new DemoDataGenerator(new GeneratorSettings(SCALE, SEED, home, AS_OF)).generate();
        Path debtors;
        try (Stream<Path> files = Files.walk(home.resolve("inbox"))) {
            debtors = files.filter(f -> f.getFileName().toString().startsWith("erp_debtors_"))
                    .findFirst()
                    .orElseThrow();
        }
        String text = Files.readString(debtors, LATIN_1);
        String first = text.lines().skip(1).findFirst().orElseThrow();
        String copy = COPY + first.substring(first.indexOf(';'));
        Files.writeString(debtors, text + (text.endsWith("\n") ? "" : "\r\n") + copy + "\r\n", LATIN_1);
        return first.substring(0, first.indexOf(';'));
    }

    /** The generator's truth without the second and further ERP debtors of an entity. */
    private static Path firstDebtorsOnly(Path home) throws Exception {
        List<String> lines = Files.readAllLines(home.resolve("truth/customer_truth.csv"));
        java.util.Map<String, String> firstDebtor = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[0].equals("erp")) {
                firstDebtor.merge(cells[2], cells[1], (x, y) -> x.compareTo(y) <= 0 ? x : y);
            }
        }
        List<String> kept = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (!cells[0].equals("erp") || firstDebtor.get(cells[2]).equals(cells[1])) {
                kept.add(line);
            }
        }
        Path truth = home.resolve("truth/customer_truth_first_debtors.csv");
        Files.write(truth, kept);
        return truth;
    }

    private static void night(Path home) throws Exception {
        SalesbiSettings settings = SettingsLoader.load(home.resolve("salesbi.yaml"), null);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            NightlyRun.RunResult result = new NightlyRun(settings, warehouse).execute(AS_OF, true);
            assertThat(result.ok()).as(result.failure()).isTrue();
        }
    }

    private static Path warehouse(Path home) throws Exception {
        return SettingsLoader.load(home.resolve("salesbi.yaml"), null).warehouse();
    }

    private static String customerOf(Connection conn, String recordKey) throws Exception {
        List<String> rows = TestWarehouse.rows(
                conn,
                "select customer_id from core.customer_xref where source_system || ':' || source_key = '" + recordKey
                        + "'");
        assertThat(rows).as("customer of %s", recordKey).hasSize(1);
        return rows.get(0);
    }

    private static long customersWithTwoDebtors(Connection conn) throws Exception {
        return Long.parseLong(TestWarehouse.rows(
                        conn,
                        "select count(*) from (select customer_id from core.customer_xref where source_system = 'erp' "
                                + "group by customer_id having count(*) > 1)")
                .get(0));
    }
}
