package io.salesbi.pipeline.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.server.JdbcServer;
import io.salesbi.server.JdbcServerSettings;
import io.salesbi.server.PasswordHasher;
import io.salesbi.server.UserAccount;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * Inside the serving process a night publishes while analysts query: every answer is either the last published
 * night or the new one, never a half-loaded state, and a query already running finishes on its own snapshot.
 */
class NightPublishReadIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    private static final String TOTAL_REVENUE = "select sum(net_revenue_eur) from kpi.channel_pnl_year";
    private static final String PASSWORD = "anna-secret";

    @Test
    void analystsSeeTheOldOrTheNewNightButNothingInBetween(@TempDir Path home) throws Exception {
        // given a warehouse served over JDBC after a first night
        new DemoDataGenerator(new GeneratorSettings(0.02, 5, home, AS_OF)).generate();
        SalesbiSettings settings = SettingsLoader.defaults(home);
        UserAccount anna = new UserAccount(
                "anna", PasswordHasher.hash(PASSWORD.toCharArray()), Set.of(UserAccount.ANALYST), Set.of());
        try (Warehouse warehouse = Warehouse.open(settings.warehouse());
                JdbcServer server = JdbcServer.start(
                        () -> connect(warehouse), JdbcServerSettings.localhost(0, Map.of("anna", anna)))) {
            NightlyRun nightlyRun = new NightlyRun(settings, warehouse);
            RunResult first = nightlyRun.execute(AS_OF, true);
            assertThat(first.status()).as(first.failure()).isEqualTo(BatchStatus.COMPLETED);
            String url = server.url() + ";authentication=BASIC;avatica_user=anna;avatica_password=" + PASSWORD;
            BigDecimal oldTotal = single(url, TOTAL_REVENUE);
            BigDecimal orderRevenue =
                    single(url, "select sum(net_amount_eur) from core.sales_line where kind = 'order'");
            long oldOrderLines =
                    single(url, "select count(*) from core.fact_order_line").longValueExact();
            // and a second delivery repeating every order line under new document numbers
            deliverOrderLinesAgainUnderNewDocumentNumbers(home);

            // when the second night runs while an analyst queries the total again and again, and a cursor opened
            // before the night is read to its end only after the night
            try (Connection cursorConnection = DriverManager.getConnection(url);
                    Statement cursorStatement = cursorConnection.createStatement()) {
                cursorStatement.setFetchSize(10);
                ResultSet cursor = cursorStatement.executeQuery("select document_no from core.fact_order_line");
                assertThat(cursor.next()).isTrue();
                long cursorRows = 1;

                List<BigDecimal> answersDuringTheNight = new CopyOnWriteArrayList<>();
                CompletableFuture<RunResult> secondNight = CompletableFuture.supplyAsync(() -> {
                    try {
                        return nightlyRun.execute(AS_OF, false);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                try (Connection analyst = DriverManager.getConnection(url);
                        Statement st = analyst.createStatement()) {
                    while (!secondNight.isDone()) {
                        try (ResultSet rs = st.executeQuery(TOTAL_REVENUE)) {
                            rs.next();
                            answersDuringTheNight.add(rs.getBigDecimal(1));
                        }
                    }
                }
                RunResult second = secondNight.get(5, TimeUnit.MINUTES);
                while (cursor.next()) {
                    cursorRows++;
                }
                cursor.close();

                // then
                assertThat(second.status()).as(second.failure()).isEqualTo(BatchStatus.COMPLETED);
                BigDecimal newTotal = single(url, TOTAL_REVENUE);
                assertThat(newTotal).isEqualByComparingTo(oldTotal.add(orderRevenue));
                assertThat(answersDuringTheNight).hasSizeGreaterThan(2);
                assertThat(answersDuringTheNight)
                        .allSatisfy(answer -> assertThat(answer).isIn(oldTotal, newTotal));
                assertThat(cursorRows).isEqualTo(oldOrderLines);
                assertThat(single(url, "select count(*) from core.fact_order_line")
                                .longValueExact())
                        .isEqualTo(2 * oldOrderLines);
            }
        }
    }

    /** Copies the archived order lines file into the inbox with every Beleg prefixed by "X": new order lines. */
    private static void deliverOrderLinesAgainUnderNewDocumentNumbers(Path home) throws Exception {
        Path archived;
        try (Stream<Path> files = Files.list(home.resolve("archive/erp"))) {
            // archived as <yyyyMMdd-HHmmss>_<file name>
            archived = files.filter(f -> f.getFileName().toString().contains("_erp_order_lines"))
                    .findFirst()
                    .orElseThrow();
        }
        // ISO-8859-1 keeps every byte as it is, whatever the file's own encoding
        List<String> lines = Files.readAllLines(archived, StandardCharsets.ISO_8859_1);
        String renumbered = Stream.concat(
                        Stream.of(lines.get(0)), lines.stream().skip(1).map(l -> "X" + l))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        Path inbox = Files.createDirectories(home.resolve("inbox/erp"));
        Path temporary = inbox.resolve(".erp_order_lines_20260116.csv.part");
        Files.writeString(temporary, renumbered, StandardCharsets.ISO_8859_1);
        Files.move(temporary, inbox.resolve("erp_order_lines_20260116.csv"));
    }

    private static BigDecimal single(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static Connection connect(Warehouse warehouse) {
        try {
            return warehouse.connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
