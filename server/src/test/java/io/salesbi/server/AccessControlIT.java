package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.sql.RowPolicies;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who sees which schemas and rows, and that nobody can change the warehouse through the endpoint. */
class AccessControlIT {

    private static final int FAST_TEST_ITERATIONS = 1_000;

    @TempDir
    static Path directory;

    private static TestWarehouse warehouse;
    private static JdbcServer server;

    @BeforeAll
    static void startServer() throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
        Map<String, UserAccount> users = Map.of(
                "anna", account("anna", Set.of(UserAccount.ANALYST), Set.of()),
                "stefan", account("stefan", Set.of(UserAccount.STEWARD), Set.of()),
                "regine", account("regine", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Nord")));
        server =
                JdbcServer.start(warehouse.connections(), JdbcServerSettings.localhost(0, users), warehouse.policies());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        warehouse.close();
    }

    @Test
    void analystSeesOnlyKpiAndCoreOfTheWarehouse() throws SQLException {
        assertThat(schemasSeenBy("anna")).containsExactlyInAnyOrder("core", "kpi", "metadata");
        assertThatThrownBy(() -> rows("anna", "select account_id from raw.crm_account"))
                .hasMessageContaining("Object 'raw' not found");
        assertThatThrownBy(() -> rows("anna", "select * from quarantine.rejected_row"))
                .hasMessageContaining("Object 'quarantine' not found");
        assertThatThrownBy(() -> rows("anna", "select * from ops.file_load"))
                .hasMessageContaining("Object 'ops' not found");
    }

    @Test
    void stewardAlsoSeesRawAndQuarantine() throws SQLException {
        // ops: the audit trail only (LoginIT)
        assertThat(schemasSeenBy("stefan"))
                .containsExactlyInAnyOrder("core", "kpi", "metadata", "ops", "quarantine", "raw");
        assertThat(rows("stefan", "select account_id, account_name from raw.crm_account"))
                .containsExactly("A-1|Müller Maschinenbau");
        assertThat(rows("stefan", "select rule, message from quarantine.rejected_row"))
                .containsExactly("postcode_format|postcode 1234 is not 5 digits");
        // of schema ops, stewards see only the audit trail
        assertThatThrownBy(() -> rows("stefan", "select * from ops.file_load"))
                .hasMessageContaining("Object 'file_load' not found within 'ops'");
    }

    @Test
    void regionalManagerSeesOnlyTheirRegionsCustomers() throws SQLException {
        // given regine manages region Nord; customers C0000001 (Nord), C0000002 (Süd), C0000003 (West)
        assertThat(rows("regine", "select customer_id, revenue_eur from kpi.customer_value order by customer_id"))
                .containsExactly("C0000001|500000.00");
        assertThat(rows("regine", "select customer_id from core.customer_golden"))
                .containsExactly("C0000001");
        assertThat(rows(
                        "regine",
                        "select count(*) from kpi.customer_value v "
                                + "join core.customer_golden g on g.customer_id = v.customer_id"))
                .containsExactly("1");
        // market facts carry sales_region too: 1,250,000.50 + 300,000.00 in Nord
        assertThat(rows("regine", "select sales_region, sum(revenue_eur) from kpi.market_share group by sales_region"))
                .containsExactly("Nord|1550000.50");
    }

    @Test
    void regionalManagerGroupingByRegionAndAnotherColumnGetsTheRegionsName() throws SQLException {
        // the filter makes the region a constant of the plan; it came back as '' while Calcite typed DuckDB's text
        // columns VARCHAR(0) and cast the constant to that type
        assertThat(rows(
                        "regine",
                        "select sales_region, segment, sum(revenue_eur) from kpi.market_share "
                                + "group by sales_region, segment order by segment"))
                .containsExactly("Nord|Chemie|300000.00", "Nord|Maschinenbau|1250000.50");
    }

    @Test
    void regionalManagersWindowFunctionsSeeOnlyTheirRows() throws SQLException {
        // over all three customers C0000001 would be third by ascending revenue and the count 3
        assertThat(rows(
                        "regine",
                        "select customer_id, row_number() over (order by revenue_eur) as place, "
                                + "count(*) over () as customers from kpi.customer_value"))
                .containsExactly("C0000001|1|1");
    }

    @Test
    void regionalManagerSeesCustomerLevelViewsWithoutRegionThroughTheGoldenCustomersRegion() throws SQLException {
        // customer(customer_id): C0000001 is Nord's; the order without a customer is nobody's, so it stays out
        assertThat(rows("regine", "select customer_id, company_name from kpi.customer_contacts"))
                .containsExactly("C0000001|Müller Maschinenbau GmbH");
        assertThat(rows("regine", "select order_no, amount_eur from kpi.customer_orders order by order_no"))
                .containsExactly("O-1|100.00");
        assertThat(rows("anna", "select count(*) from kpi.customer_orders")).containsExactly("4");
        // the join with the golden customers runs in DuckDB as part of the one query, not in the server's heap
        assertThat(String.join("\n", rows("regine", "explain plan for select * from kpi.customer_orders")))
                .startsWith("JdbcToEnumerableConverter")
                .contains("JdbcJoin")
                .doesNotContain("EnumerableHashJoin");
    }

    @Test
    void regionalManagerDoesNotSeeMatchEvidenceOrOverrides() throws SQLException {
        assertThat(tablesSeenBy("regine", "core")).containsExactlyInAnyOrder("customer_golden", "market_fact");
        assertThat(tablesSeenBy("anna", "core")).contains("customer_match_pair", "customer_override");
        assertThatThrownBy(() -> rows("regine", "select evidence from core.customer_match_pair"))
                .hasMessageContaining("Object 'customer_match_pair' not found within 'core'");
        assertThatThrownBy(() -> rows("regine", "select comment from core.customer_override"))
                .hasMessageContaining("Object 'customer_override' not found within 'core'");
        assertThatThrownBy(() -> rows("regine", "select * from core.customer_xref_missing"))
                .hasMessageContaining("not found");
    }

    @Test
    void regionalManagerReadsNoRowOfAnotherRegionThroughAnyRelationItSees() throws SQLException {
        // given every relation regine's metadata lists, in every schema she sees
        List<String> relations = new ArrayList<>();
        for (String schema : schemasSeenBy("regine")) {
            if (!schema.equals("metadata")) {
                tablesSeenBy("regine", schema).forEach(table -> relations.add(schema + "." + table));
            }
        }
        assertThat(relations)
                .containsExactlyInAnyOrder(
                        "core.customer_golden",
                        "core.market_fact",
                        "kpi.customer_contacts",
                        "kpi.customer_orders",
                        "kpi.customer_value",
                        "kpi.market_share",
                        "kpi.type_traps",
                        "kpi.type_traps_cast",
                        "kpi.units_by_segment");
        for (String relation : relations) {
            // when she reads all of it
            List<String> seen = rows("regine", "select * from " + relation);

            // then no value names another region, another region's customer, its name or its order
            for (String row : seen) {
                assertThat(row)
                        .as(relation)
                        .doesNotContain("Süd", "West", "C0000002", "C0000003", "Schmidt", "Weber", "O-2", "O-3", "O-4");
            }
        }
    }

    @Test
    void aViewAddedWithoutAPolicyIsInvisibleToRegionalManagers() throws SQLException {
        try (Statement owner = warehouse.owner().createStatement()) {
            owner.execute("create view kpi.unlabelled_customers as select company_name from core.customer_golden");
        }
        try {
            assertThat(tablesSeenBy("regine", "kpi")).doesNotContain("unlabelled_customers");
            assertThatThrownBy(() -> rows("regine", "select * from kpi.unlabelled_customers"))
                    .hasMessageContaining("Object 'unlabelled_customers' not found within 'kpi'");
            assertThat(rows("anna", "select count(*) from kpi.unlabelled_customers"))
                    .containsExactly("3");
        } finally {
            try (Statement owner = warehouse.owner().createStatement()) {
                owner.execute("drop view kpi.unlabelled_customers");
            }
        }
    }

    @Test
    void aRelationWithoutAPolicyStopsTheServerFromStartingForRegionalManagers() {
        // given the declared policies less the one of kpi.customer_orders
        StringBuilder declared = new StringBuilder();
        warehouse.policies().declared().forEach((relation, policy) -> {
            if (!relation.equals("kpi.customer_orders")) {
                declared.append(relation).append(": ").append(policy).append('\n');
            }
        });
        RowPolicies incomplete = RowPolicies.parse("without customer_orders", declared.toString());
        Map<String, UserAccount> regineOnly =
                Map.of("regine", account("regine", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Nord")));

        assertThatThrownBy(() -> JdbcServer.start(
                                warehouse.connections(), JdbcServerSettings.localhost(0, regineOnly), incomplete)
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("JDBC endpoint not started: row-level security for role regional_manager is "
                        + "incomplete: kpi.customer_orders has no row policy. Declare each relation's policy");
    }

    @Test
    void aPolicyThatDoesNotFitItsRelationStopsTheServerFromStarting() {
        RowPolicies misfits = RowPolicies.parse(
                "misfits",
                warehouse.policies().declared().entrySet().stream()
                        .map(entry -> entry.getKey() + ": "
                                + switch (entry.getKey()) {
                                    case "kpi.customer_contacts" -> "aggregate";
                                    case "kpi.units_by_segment" -> "region(sales_region)";
                                    default -> entry.getValue().toString();
                                })
                        .reduce("", (text, line) -> text + line + "\n"));
        Map<String, UserAccount> regineOnly =
                Map.of("regine", account("regine", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Nord")));

        assertThatThrownBy(() -> JdbcServer.start(
                                warehouse.connections(), JdbcServerSettings.localhost(0, regineOnly), misfits)
                        .close())
                .hasMessageContaining("kpi.customer_contacts: row policy aggregate, but it has customer detail "
                        + "(column customer_id)")
                .hasMessageContaining(
                        "kpi.units_by_segment: row policy region(sales_region) names a column it does " + "not have");
    }

    @Test
    void regionalManagerSeesAggregatesWithoutRegionOrCustomerUnfiltered() throws SQLException {
        // units_by_segment has neither sales_region nor customer_id: 42 + 17 Maschinenbau units, 5 Chemie
        assertThat(rows("regine", "select segment, units from kpi.units_by_segment order by segment"))
                .containsExactly("Chemie|5", "Maschinenbau|59");
    }

    @Test
    void concurrentSessionsOfDifferentUsersKeepTheirOwnRows() throws Exception {
        // given an analyst and a regional manager querying the same customer view at the same time
        String sql = "select customer_id from kpi.customer_value order by customer_id";
        List<Callable<List<String>>> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sessions.add(() -> rows("regine", sql));
            sessions.add(() -> rows("anna", sql));
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            // when
            List<Future<List<String>>> results = clients.invokeAll(sessions);

            // then
            for (int i = 0; i < results.size(); i++) {
                List<String> expected = i % 2 == 0 ? List.of("C0000001") : List.of("C0000001", "C0000002", "C0000003");
                assertThat(results.get(i).get()).as("session %d", i).isEqualTo(expected);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "insert into core.market_fact (sales_region) values ('Ost')",
                "delete from core.market_fact",
                "update core.market_fact set units = 0",
                "drop view kpi.market_share",
                "attach '/tmp/other.duckdb' as other",
                "copy core.market_fact to '/tmp/market.csv'",
                "install httpfs",
                "set schema = 'raw'",
                "select * from table(read_csv('/etc/passwd'))",
                "select * from table(read_parquet('/tmp/x.parquet'))",
                "select * from table(glob('/*'))"
            })
    void refusesEverythingButQueriesAndLeavesTheWarehouseUnchanged(String sql) throws SQLException {
        assertThatThrownBy(() -> execute("stefan", sql))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("read-only endpoint");
        assertThat(marketFactCountInDuckDb()).isEqualTo(3);
    }

    @Test
    void refusesBatches() throws SQLException {
        try (Connection connection = connect("stefan");
                Statement statement = connection.createStatement()) {
            statement.addBatch("insert into core.market_fact (sales_region) values ('Ost')");
            assertThatThrownBy(statement::executeBatch)
                    .hasMessageContaining("read-only endpoint: batches are not allowed");
        }
        assertThat(marketFactCountInDuckDb()).isEqualTo(3);
    }

    private static long marketFactCountInDuckDb() throws SQLException {
        try (Statement statement = warehouse.owner().createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from core.market_fact")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> schemasSeenBy(String user) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = connect(user);
                ResultSet rows = connection.getMetaData().getSchemas()) {
            while (rows.next()) {
                schemas.add(rows.getString("TABLE_SCHEM"));
            }
        }
        return schemas;
    }

    private static List<String> tablesSeenBy(String user, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = connect(user);
                ResultSet rows = connection.getMetaData().getTables(null, schema, "%", null)) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** Rows as "a|b" strings. */
    private static List<String> rows(String user, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection connection = connect(user);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rows.getString(i));
                }
                result.add(String.join("|", values));
            }
        }
        return result;
    }

    private static void execute(String user, String sql) throws SQLException {
        try (Connection connection = connect(user);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String user) throws SQLException {
        return DriverManager.getConnection(
                server.url() + ";authentication=BASIC;avatica_user=" + user + ";avatica_password=" + user + "-secret");
    }

    private static UserAccount account(String name, Set<String> roles, Set<String> regions) {
        return new UserAccount(
                name, PasswordHasher.hash((name + "-secret").toCharArray(), FAST_TEST_ITERATIONS), roles, regions);
    }
}
