package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlClientIT {

    @TempDir
    static Path directory;

    private static TestWarehouse warehouse;
    private static JdbcServer server;

    @BeforeAll
    static void startServer() throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
        UserAccount anna = new UserAccount(
                "anna", PasswordHasher.hash("anna-secret".toCharArray(), 1_000), Set.of(UserAccount.ANALYST), Set.of());
        server = JdbcServer.start(warehouse.connections(), JdbcServerSettings.localhost(0, Map.of("anna", anna)));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        warehouse.close();
    }

    @Test
    void printsTheResultAsAnAlignedTable() throws SQLException {
        SqlClient client = new SqlClient(server.url(), "anna", "anna-secret", 100);

        String table = client.query("select sales_region, sum(revenue_eur) as revenue_eur, sum(units) as units "
                + "from kpi.market_share group by sales_region order by sales_region");

        assertThat(table).isEqualTo("""
                sales_region | revenue_eur | units
                -------------+-------------+------
                Nord         |  1550000.50 |    47
                Süd          |   875000.25 |    17
                (2 rows)
                """);
    }

    @Test
    void saysWhenTheResultWasCut() throws SQLException {
        SqlClient client = new SqlClient(server.url(), "anna", "anna-secret", 2);

        String table = client.query("select segment, period_start from kpi.market_share order by revenue_eur desc");

        assertThat(table).isEqualTo("""
                segment      | period_start
                -------------+-------------
                Maschinenbau | 2026-01-01
                Maschinenbau | 2026-01-01
                (first 2 rows)
                """);
    }

    @Test
    void reportsAWrongPasswordAsSqlException() {
        SqlClient client = new SqlClient(server.url(), "anna", "wrong", 10);

        assertThatThrownBy(() -> client.query("select 1"))
                .isInstanceOf(SQLException.class)
                .hasMessage("query against " + server.url() + " failed: user anna was refused "
                        + "(wrong user name or password)");
    }

    @Test
    void passesRefusalsOnAsSqlExceptions() {
        SqlClient client = new SqlClient(server.url(), "anna", "anna-secret", 10);

        assertThatThrownBy(() -> client.query("delete from core.market_fact"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("read-only endpoint: DELETE statements are not allowed");
    }
}
