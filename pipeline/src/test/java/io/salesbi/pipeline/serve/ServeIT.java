package io.salesbi.pipeline.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.dashboards.DashboardGenerator;
import io.salesbi.dashboards.DashboardSettings;
import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.server.PasswordHasher;
import io.salesbi.sql.RowPolicies;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * {@code salesbi serve} as operators run it: a real night on a small generated inbox, then the server in its own
 * JVM, queried from this one over the Avatica remote driver and HTTP. One server start for every check; the last
 * check stops it with SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    private static final long STARTUP_SECONDS = 120;

    private Path home;
    private Path serverLog;
    private Process server;
    private int port;
    private long rawOrderLines;
    private long nordCustomerValueRows;
    private long allCustomerValueRows;
    private RegionalTraces nord;
    private Path englishNord;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void runANightThenServe(@TempDir Path tmp) throws Exception {
        home = tmp.resolve("site");
        new DemoDataGenerator(new GeneratorSettings(0.02, 3, home, AS_OF)).generate();
        Files.writeString(home.resolve("salesbi.yaml"), """
                server:
                  users:
                    anna:
                      password-hash: "%s"
                      roles: [analyst]
                    sven:
                      password-hash: "%s"
                      roles: [steward]
                    nora:
                      password-hash: "%s"
                      roles: [regional_manager]
                      regions: [Nord]
                    sina:
                      password-hash: "%s"
                      roles: [regional_manager]
                      regions: [Süd]
                """.formatted(
                        hash("anna-secret"), hash("sven-secret"), hash("nora-secret"), hash("sina-secret")));
        SalesbiSettings settings = SettingsLoader.load(home.resolve("salesbi.yaml"), home);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse());
                Connection conn = warehouse.connect()) {
            RunResult night = new NightlyRun(settings, warehouse).execute(AS_OF, true);
            assertThat(night.status()).as(night.failure()).isEqualTo(BatchStatus.COMPLETED);
            rawOrderLines = count(conn, "select count(*) from raw.erp_order_line");
            nordCustomerValueRows = count(conn, "select count(*) from kpi.customer_value where sales_region = 'Nord'");
            allCustomerValueRows = count(conn, "select count(*) from kpi.customer_value");
            nord = RegionalTraces.of(conn, "Nord");
            englishNord = tmp.resolve("en");
            new DashboardGenerator(new DashboardSettings(englishNord, Locale.ENGLISH, Instant.now()))
                    .generateRegional(conn, settings.regionalPageSets(), RowPolicies.warehouse());
        }
        assertThat(nordCustomerValueRows).isPositive().isLessThan(allCustomerValueRows);

        port = freePort();
        serverLog = tmp.resolve("serve.log");
        server = salesbi(
                serverLog, "serve", "--home", home.toString(), "--port", Integer.toString(port), "--no-schedule");
        awaitLine(server, serverLog, "JDBC URL:");
    }

    @AfterAll
    void stopServerIfStillRunning() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> query("anna", "wrong", "select 1"))
                // the Avatica client reports an HTTP status as a RuntimeException, not an SQLException
                .hasMessageContaining("got HTTP/401");
    }

    @Test
    void writesCopiesAndFileReadsAreRefused() {
        for (String sql : List.of(
                "insert into kpi.channel_pnl_year (year) values (2030)",
                "copy core.fact_order_line to '/tmp/order_lines.csv'",
                "select * from table(read_csv('/etc/passwd'))")) {
            assertThatThrownBy(() -> query("sven", "sven-secret", sql))
                    .as(sql)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only endpoint");
        }
    }

    @Test
    void theRegionalManagerSeesOnlyNordCustomers() throws Exception {
        List<List<String>> regions = query(
                "nora", "nora-secret", "select sales_region, count(*) from kpi.customer_value group by sales_region");

        assertThat(regions).containsExactly(List.of("Nord", Long.toString(nordCustomerValueRows)));
        assertThat(query("anna", "anna-secret", "select count(*) from kpi.customer_value"))
                .containsExactly(List.of(Long.toString(allCustomerValueRows)));
    }

    @Test
    void theStewardSeesRawRowsAndTheAnalystDoesNot() throws Exception {
        assertThat(query("sven", "sven-secret", "select count(*) from raw.erp_order_line"))
                .containsExactly(List.of(Long.toString(rawOrderLines)));
        assertThatThrownBy(() -> query("anna", "anna-secret", "select count(*) from raw.erp_order_line"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Object 'raw' not found");
    }

    @Test
    void theDashboardsAreServedWithLoginOnly() throws Exception {
        String overviewOnDisk = Files.readString(home.resolve("dashboards/index.html"), StandardCharsets.UTF_8);

        HttpResponse<String> withLogin = get("/dashboards/", "anna", "anna-secret");
        HttpResponse<String> channels = get("/dashboards/channels.html", "anna", "anna-secret");
        HttpResponse<String> withoutLogin = http.send(
                HttpRequest.newBuilder(uri("/dashboards/")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withLogin.statusCode()).isEqualTo(200);
        assertThat(withLogin.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(withLogin.body()).isEqualTo(overviewOnDisk);
        assertThat(channels.statusCode()).isEqualTo(200);
        assertThat(withoutLogin.statusCode()).isEqualTo(401);
    }

    @Test
    void theNightRendersNordsPageSetWithNoCustomerOfAnotherRegionInBothLocales() throws Exception {
        nord.assertFindsOtherRegionsCustomers(home.resolve("dashboards/customers.html"));
        for (Path set : List.of(home.resolve("dashboards/regions/nord"), englishNord.resolve("regions/nord"))) {
            nord.assertOnlyOwnCustomers(set);
        }
        assertThat(home.resolve("dashboards/regions/sued/index.html")).isRegularFile();
    }

    @Test
    void aRegionalManagerIsServedTheirRegionsPagesNotAnotherRegions() throws Exception {
        Path sets = home.resolve("dashboards/regions");
        for (String page : List.of("index.html", "customers.html", "customer.html", "pipeline.html")) {
            HttpResponse<String> served = get("/dashboards/" + page, "nora", "nora-secret");

            assertThat(served.statusCode()).as(page).isEqualTo(200);
            assertThat(served.body())
                    .as(page)
                    .isEqualTo(Files.readString(sets.resolve("nord/" + page), StandardCharsets.UTF_8))
                    .isNotEqualTo(Files.readString(sets.resolve("sued/" + page), StandardCharsets.UTF_8))
                    .isNotEqualTo(Files.readString(home.resolve("dashboards/" + page), StandardCharsets.UTF_8));
            nord.assertOnlyOwnCustomers(page, served.body());
        }
        assertThat(get("/dashboards/", "sina", "sina-secret").body())
                .isEqualTo(Files.readString(sets.resolve("sued/index.html"), StandardCharsets.UTF_8));
        assertThat(get("/dashboards/regions/sued/index.html", "nora", "nora-secret")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aNightStartedBesideTheServerExitsWithCode3NamingTheServer() throws Exception {
        Path log = serverLog.resolveSibling("run-while-serving.log");
        Process run = salesbi(log, "run", "--home", home.toString(), "--as-of", AS_OF.toString());

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        List<String> output =
                Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertThat(run.exitValue()).as(String.join("\n", output)).isEqualTo(SalesbiCommand.EXIT_BUSY);
        assertThat(output).hasSize(1);
        assertThat(output.get(0)).contains("in use by process " + server.pid());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void sigtermStopsTheServerCleanlyAndReleasesTheWarehouse() throws Exception {
        server.destroy();

        assertThat(server.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(server.exitValue()).as(Files.readString(serverLog)).isIn(0, 143);
        assertThat(Files.readString(serverLog)).contains("salesbi: stopping");
        try (Warehouse warehouse = Warehouse.open(
                        SettingsLoader.load(home.resolve("salesbi.yaml"), home).warehouse());
                Connection conn = warehouse.connect()) {
            assertThat(count(conn, "select count(*) from raw.erp_order_line")).isEqualTo(rawOrderLines);
        }
    }

    private List<List<String>> query(String user, String password, String sql) throws SQLException {
        // as README.md tells analysts: Avatica reads avatica_user / avatica_password, not JDBC's user / password
        Properties login = new Properties();
        login.setProperty("avatica_user", user);
        login.setProperty("avatica_password", password);
        String url =
                "jdbc:avatica:remote:url=http://127.0.0.1:" + port + ";serialization=protobuf;authentication=BASIC";
        try (Connection c = DriverManager.getConnection(url, login);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private HttpResponse<String> get(String path, String user, String password)
            throws IOException, InterruptedException {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Basic " + credentials)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Process salesbi(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                SalesbiCommand.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitLine(Process p, Path log, String marker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(marker)) {
                return;
            }
            assertThat(p.isAlive())
                    .as("server died before saying '%s':%n%s", marker, text)
                    .isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError(
                "server did not say '" + marker + "' within " + STARTUP_SECONDS + " s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String hash(String password) {
        return PasswordHasher.hash(password.toCharArray());
    }

    private static long count(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
