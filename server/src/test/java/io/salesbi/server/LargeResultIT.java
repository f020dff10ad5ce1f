package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result of many frames arrives complete and in order, whatever frame sizes client and server use. */
class LargeResultIT {

    private static final int FAST_TEST_ITERATIONS = 1_000;
    /** Two full frames of {@link SessionMeta#MIN_FRAME_ROWS} after Avatica's first frame of 100, and a partial one. */
    private static final int ROWS = 12_345;

    @TempDir
    static Path directory;

    private static TestWarehouse warehouse;
    private static JdbcServer server;

    @BeforeAll
    static void startServer() throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
        try (Statement owner = warehouse.owner().createStatement()) {
            owner.execute("create view kpi.numbered_rows as select cast(i as bigint) as n, 'row ' || i as label "
                    + "from range(" + ROWS + ") as r(i)");
        }
        UserAccount anna = new UserAccount(
                "anna",
                PasswordHasher.hash("anna-secret".toCharArray(), FAST_TEST_ITERATIONS),
                Set.of(UserAccount.ANALYST),
                Set.of());
        server = JdbcServer.start(warehouse.connections(), JdbcServerSettings.localhost(0, Map.of("anna", anna)));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        warehouse.close();
    }

    @Test
    void everyRowArrivesOnceAndInOrderWithTheClientsDefaultFetchSize() throws SQLException {
        assertThat(readNumberedRows(0)).isEqualTo(ROWS);
    }

    @Test
    void everyRowArrivesOnceAndInOrderWithAFetchSizeAboveTheServersMinimum() throws SQLException {
        assertThat(readNumberedRows(7_000)).isEqualTo(ROWS);
    }

    @Test
    void maxRowsStillLimitsTheResult() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.setMaxRows(250);
            try (ResultSet rows = statement.executeQuery("select n from kpi.numbered_rows order by n")) {
                int count = 0;
                while (rows.next()) {
                    count++;
                }
                assertThat(count).isEqualTo(250);
            }
        }
    }

    /** Reads the view and checks each row's values; returns how many rows came. */
    private static int readNumberedRows(int fetchSize) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            if (fetchSize > 0) {
                statement.setFetchSize(fetchSize);
            }
            try (ResultSet rows = statement.executeQuery("select n, label from kpi.numbered_rows order by n")) {
                int expected = 0;
                while (rows.next()) {
                    assertThat(rows.getLong("n")).isEqualTo(expected);
                    assertThat(rows.getString("label")).isEqualTo("row " + expected);
                    expected++;
                }
                return expected;
            }
        }
    }

    private static Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("authentication", "BASIC");
        credentials.setProperty("avatica_user", "anna");
        credentials.setProperty("avatica_password", "anna-secret");
        return new Driver().connect(server.url(), credentials);
    }
}
