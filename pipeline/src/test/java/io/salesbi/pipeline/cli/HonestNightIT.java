package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Nights through the command line, with alerts going to a local webhook: a demo night (COMPLETED, exit 0), a night
 * with nothing new in the inbox (COMPLETED, exit 0), a night whose only file is three order lines of a debtor the ERP
 * does not know, all quarantined in validation (COMPLETED_WITH_WARNINGS, exit 4), and such a night again that first
 * fails a pre-publish check (exit 1) and, resumed after the fix, completes with the same warnings (exit 4), and a
 * night with nothing new that first judges the night before, whose verdict was lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HonestNightIT {

    private static final String AS_OF = "2026-01-15";
    private static final String UNKNOWN_DEBTOR_FILE = "erp_order_lines_unknown_debtor.csv";
    private static final String SECOND_UNKNOWN_DEBTOR_FILE = "erp_order_lines_unknown_debtor_again.csv";

    private Path home;
    private HttpServer receiver;
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final List<Integer> exitCodes = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private long demoFiles;

    @BeforeAll
    void runThreeNights(@TempDir Path tmp) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            alerts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        home = tmp.resolve("site");
        new DemoDataGenerator(new GeneratorSettings(0.02, 7, home, java.time.LocalDate.parse(AS_OF))).generate();
        configure("revenue");
        try (Stream<Path> files = Files.walk(home.resolve("inbox"))) {
            demoFiles = files.filter(Files::isRegularFile).count();
        }

        night();
        night();
        deliverOrderLinesOfAnUnknownDebtor("X", UNKNOWN_DEBTOR_FILE);
        night();
        deliverOrderLinesOfAnUnknownDebtor("Y", SECOND_UNKNOWN_DEBTOR_FILE);
        configure("turnover");
        night();
        configure("revenue");
        night();
        forgetTheVerdictOfNight(4);
        night();
    }

    /** As if the process had died after night {@code runId}'s job completed but before it judged the night. */
    private void forgetTheVerdictOfNight(long runId) throws Exception {
        try (Warehouse warehouse = Warehouse.open(SettingsLoader.defaults(home).warehouse());
                Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            st.execute("delete from ops.file_outcome where run_id = " + runId);
            st.execute("delete from ops.night_outcome where run_id = " + runId);
        }
    }

    private void configure(String channelCostAllocationKey) throws Exception {
        Files.writeString(
                home.resolve("salesbi.yaml"),
                "alerts:\n  webhook: http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\n"
                        + "kpi:\n  channel-cost-allocation-key: " + channelCostAllocationKey + "\n");
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aDemoNightAndANightWithNothingNewEndCompletedWithExit0() {
        assertThat(exitCodes.subList(0, 2)).as(outputs.subList(0, 2).toString()).containsExactly(0, 0);
        assertThat(outputs.get(0)).contains("Night 1: COMPLETED in").doesNotContain("Warnings");
        assertThat(outputs.get(1)).contains("Night 2: COMPLETED in").doesNotContain("Warnings");
    }

    @Test
    void theNightsReportIsSentencesWithoutARecordsToString() {
        assertThat(outputs.get(0)).contains("matchCustomersStep").contains("golden customers; ");
        for (String output : outputs) {
            assertThat(output).doesNotContainPattern("[A-Z]\\w+\\[\\w+=");
        }
    }

    @Test
    void aNightWhoseOrderLinesAreAllQuarantinedEndsWithWarningsAndExit4() {
        assertThat(exitCodes.get(2)).as(outputs.get(2)).isEqualTo(4);
        assertThat(outputs.get(2))
                .contains("Night 3: COMPLETED_WITH_WARNINGS in")
                .contains("Warnings: 1 of 1 files rejected; none of the 3 rows delivered passed validation")
                .contains("Rejected: " + UNKNOWN_DEBTOR_FILE + " (erp_order_lines): 3 of 3 rows quarantined "
                        + "(100 %, limit 20 %); rule order_line.unknown_debtor: 3 rows");
    }

    @Test
    void theHistoryShowsTheFileRejectedWithRuleAndCount() {
        String list = cli("history", "--home", home.toString());
        String night = cli("history", "--home", home.toString(), "3");

        assertThat(list.lines()
                        .filter(l -> l.matches("\\s+[123]\\s.*"))
                        .map(l -> l.trim().split("\\s+"))
                        .map(f -> f[0] + " " + f[5] + " " + f[6] + " " + f[7]))
                .containsExactly("3 COMPLETED_WITH_WARNINGS 0 1", "2 COMPLETED 0 0", "1 COMPLETED " + demoFiles + " 0");
        assertThat(night)
                .contains("completed with warnings: 1 of 1 files rejected")
                .containsPattern("erp_order_lines\\s+" + UNKNOWN_DEBTOR_FILE + "\\s+REJECTED\\s+3\\s+0\\s+3\\s+0\\s+0")
                .contains("rejected; rows quarantined by rule: order_line.unknown_debtor 3");
    }

    @Test
    void aNightWithWarningsThatFailedAndWasResumedIsJudgedWhenItCompletes() {
        String night = cli("history", "--home", home.toString(), "4");

        assertThat(exitCodes.subList(3, 5)).as(outputs.subList(3, 5).toString()).containsExactly(1, 4);
        assertThat(outputs.get(4))
                .contains("Night 4: COMPLETED_WITH_WARNINGS in")
                .contains("Rejected: " + SECOND_UNKNOWN_DEBTOR_FILE + " (erp_order_lines): 3 of 3 rows quarantined");
        assertThat(night)
                .containsPattern(
                        "erp_order_lines\\s+" + SECOND_UNKNOWN_DEBTOR_FILE + "\\s+REJECTED\\s+3\\s+0\\s+3\\s+0\\s+0")
                .contains("rejected; rows quarantined by rule: order_line.unknown_debtor 3");
    }

    @Test
    void aNightWhoseVerdictWasLostIsJudgedAndAlertedByTheNextNight() {
        String list = cli("history", "--home", home.toString());

        assertThat(exitCodes.get(5)).as(outputs.get(5)).isZero();
        assertThat(outputs.get(5)).contains("Night 5: COMPLETED in");
        assertThat(list.lines()
                        .filter(l -> l.matches("\\s+[45]\\s.*"))
                        .map(l -> l.trim().split("\\s+"))
                        .map(f -> f[0] + " " + f[5] + " " + f[6] + " " + f[7]))
                .containsExactly("5 COMPLETED 0 0", "4 COMPLETED_WITH_WARNINGS 0 1");
    }

    @Test
    void onlyNightsWithWarningsOrFailuresAreAlertedNamingFileRuleAndCount() {
        // night 4 twice with warnings: when it was resumed, and again late once its lost verdict was decided again
        assertThat(alerts)
                .extracting(json -> json.substring(0, json.indexOf(",\"job_status\"")))
                .containsExactly(
                        "{\"run_id\":3,\"status\":\"COMPLETED_WITH_WARNINGS\"",
                        "{\"run_id\":4,\"status\":\"FAILED\"",
                        "{\"run_id\":4,\"status\":\"COMPLETED_WITH_WARNINGS\"",
                        "{\"run_id\":4,\"status\":\"COMPLETED_WITH_WARNINGS\"");
        assertThat(alerts.get(0))
                .satisfies(
                        json -> assertThat(json)
                                .contains(
                                        "\"run_id\":3",
                                        "\"status\":\"COMPLETED_WITH_WARNINGS\"",
                                        "\"job_status\":\"COMPLETED\"",
                                        "{\"file\":\"" + UNKNOWN_DEBTOR_FILE
                                                + "\",\"source\":\"erp_order_lines\",\"rows_delivered\":3,"
                                                + "\"rows_quarantined\":3,\"rule\":\"order_line.unknown_debtor\",\"rule_rows\":3,"));
    }

    private void night() {
        StringWriter out = new StringWriter();
        exitCodes.add(execute(out, "run", "--home", home.toString(), "--as-of", AS_OF));
        outputs.add(out.toString());
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        assertThat(execute(out, args)).isZero();
        return out.toString();
    }

    private static int execute(StringWriter out, String... args) {
        CommandLine cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    /** Three order lines copied from lines the first night staged, with a debtor number the ERP does not know. */
    private void deliverOrderLinesOfAnUnknownDebtor(String documentPrefix, String fileName) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("Beleg;Position;Belegdatum;Debitor;Artikel;Menge;Listenpreis;Nettopreis;Rabatt %;Waehrung;"
                + "Vertriebskanal");
        try (Warehouse warehouse = Warehouse.open(SettingsLoader.defaults(home).warehouse());
                Connection conn = warehouse.connect();
                PreparedStatement ps = conn.prepareStatement("""
                     select ? || document_no, line_no, strftime(document_date, '%d.%m.%Y'), product_no,
                         replace(cast(quantity as varchar), '.', ','), replace(cast(list_price as varchar), '.', ','),
                         replace(cast(net_price as varchar), '.', ','),
                         replace(cast(coalesce(discount_pct, 0) as varchar), '.', ','), currency, sales_channel
                     from staging.erp_order_line where currency = 'EUR'
                     order by document_no, line_no limit 3""")) {
            ps.setString(1, documentPrefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(String.join(
                            ";",
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            "D-UNKNOWN",
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10)));
                }
            }
        }
        assertThat(lines).hasSize(4);
        Path inbox = home.resolve("inbox/erp");
        Files.createDirectories(inbox);
        Files.write(inbox.resolve(fileName), lines, Charset.forName("windows-1252"));
    }
}
