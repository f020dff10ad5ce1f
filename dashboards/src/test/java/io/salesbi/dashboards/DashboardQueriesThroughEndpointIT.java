package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.server.JdbcServer;
import io.salesbi.server.JdbcServerSettings;
import io.salesbi.server.PasswordHasher;
import io.salesbi.server.UserAccount;
import io.salesbi.sql.RegionScope;
import io.salesbi.sql.RowPolicies;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.avatica.remote.Driver;
import org.assertj.core.api.SoftAssertions;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard query gives through the analysts' JDBC endpoint (Calcite over DuckDB, Avatica) the rows it gives
 * in DuckDB directly. Catches SQL that Calcite parses but cannot plan or hand down to DuckDB, such as window
 * functions. Two documented differences: the endpoint serves timestamps to the millisecond, and it does not serve
 * schema {@code ops}, which only the steps dataset reads.
 */
class DashboardQueriesThroughEndpointIT {

    private static final String USER = "analyst";
    private static final String PASSWORD = "analyst-password";
    private static final String OPS_ONLY = "steps";

    @Test
    void everyQueryGivesTheSameRowsThroughTheEndpoint(@TempDir Path dir) throws Exception {
        try (DuckDBConnection owner =
                (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"))) {
            try (Statement statement = owner.createStatement()) {
                statement.execute("set autoinstall_known_extensions = false");
            }
            KpiFixture.load(owner, KpiFixture.TWO_YEARS);
            // facts by month, so the period filter's monthly datasets have rows to compare
            KpiFixture.replaceTheFactsByMonths(owner);
            Supplier<Connection> duplicates = () -> {
                try {
                    return owner.duplicate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            // the pipeline page names the sales reps (personal data the endpoint masks without the right)
            UserAccount analyst = new UserAccount(
                    USER,
                    PasswordHasher.hash(PASSWORD.toCharArray()),
                    Set.of(UserAccount.ANALYST, UserAccount.PERSONAL_DATA),
                    Set.of());
            try (JdbcServer server =
                            JdbcServer.start(duplicates, JdbcServerSettings.localhost(0, Map.of(USER, analyst)));
                    Connection endpoint = new Driver().connect(server.url(), credentials())) {
                SoftAssertions softly = new SoftAssertions();
                for (Map.Entry<String, String> query : DashboardQueries.all().entrySet()) {
                    if (query.getKey().equals(OPS_ONLY)) {
                        continue;
                    }
                    List<List<String>> direct = toMillis(DataTable.query(owner, query.getValue()));
                    softly.assertThatCode(() -> assertThat(toMillis(DataTable.query(endpoint, query.getValue())))
                                    .isEqualTo(direct))
                            .as(query.getKey())
                            .doesNotThrowAnyException();
                }
                softly.assertAll();
                assertThatThrownBy(() ->
                                DataTable.query(endpoint, DashboardQueries.all().get(OPS_ONLY)))
                        .hasMessageContaining("'ops' not found");
            }
        }
    }

    /**
     * The same policy in both places: every dataset of Nord's regional page set has the rows the JDBC endpoint gives
     * Nord's regional manager for the same query, and a dataset that reads a relation hidden from that manager
     * (kpi.dq_file_load; ops.step_run, which has no policy) is refused there and empty in the set.
     */
    @Test
    void aRegionalPageSetsDatasetsAreWhatTheEndpointGivesThatRegionsManager(@TempDir Path dir) throws Exception {
        try (DuckDBConnection owner =
                (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"))) {
            try (Statement statement = owner.createStatement()) {
                statement.execute("set autoinstall_known_extensions = false");
            }
            KpiFixture.load(owner, KpiFixture.TWO_YEARS);
            KpiFixture.replaceTheFactsByMonths(owner);
            KpiFixture.addGoldenCustomers(owner);
            Supplier<Connection> duplicates = () -> {
                try {
                    return owner.duplicate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            UserAccount nora = new UserAccount(
                    "nora",
                    PasswordHasher.hash("nora-password".toCharArray()),
                    Set.of(UserAccount.REGIONAL_MANAGER, UserAccount.PERSONAL_DATA),
                    Set.of("Nord"));
            Properties credentials = new Properties();
            credentials.setProperty("authentication", "BASIC");
            credentials.setProperty("avatica_user", "nora");
            credentials.setProperty("avatica_password", "nora-password");
            KpiQueries regional = new KpiQueries(owner, RegionScope.of(Set.of("Nord")), RowPolicies.warehouse());
            List<String> hidden = List.of("fileLoads", OPS_ONLY);
            try (JdbcServer server =
                            JdbcServer.start(duplicates, JdbcServerSettings.localhost(0, Map.of("nora", nora)));
                    Connection endpoint = new Driver().connect(server.url(), credentials)) {
                SoftAssertions softly = new SoftAssertions();
                int compared = 0;
                for (Map.Entry<String, String> query : DashboardQueries.all().entrySet()) {
                    List<List<String>> scoped = toMillis(regional.get(query.getKey()));
                    if (hidden.contains(query.getKey())) {
                        softly.assertThat(scoped).as(query.getKey()).isEmpty();
                        softly.assertThatThrownBy(() -> DataTable.query(endpoint, query.getValue()))
                                .as(query.getKey())
                                .isInstanceOf(SQLException.class);
                        continue;
                    }
                    softly.assertThatCode(() -> assertThat(toMillis(DataTable.query(endpoint, query.getValue())))
                                    .isEqualTo(scoped))
                            .as(query.getKey())
                            .doesNotThrowAnyException();
                    compared++;
                }
                softly.assertAll();
                assertThat(compared).isEqualTo(DashboardQueries.all().size() - hidden.size());
                // and the scope is real: Süd's customer C0000002 is in the full dataset, not in Nord's
                assertThat(toMillis(regional.get("customers")).toString()).doesNotContain("C0000002");
                assertThat(toMillis(DataTable.query(
                                        owner, DashboardQueries.all().get("customers")))
                                .toString())
                        .contains("C0000002");
            } finally {
                regional.release();
            }
        }
    }

    /** The table's rows with timestamps cut to the millisecond, as the endpoint serves them. */
    private static List<List<String>> toMillis(DataTable table) {
        return table.rows().stream()
                .map(row -> row.stream()
                        .map(v -> v instanceof String s
                                ? s.replaceAll("(T\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\d+", "$1")
                                : String.valueOf(v))
                        .toList())
                .toList();
    }

    private static Properties credentials() {
        Properties credentials = new Properties();
        credentials.setProperty("authentication", "BASIC");
        credentials.setProperty("avatica_user", USER);
        credentials.setProperty("avatica_password", PASSWORD);
        return credentials;
    }
}
