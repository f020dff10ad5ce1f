package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.sql.WarehouseDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions plan a query once, keep their plans to themselves and drop them when another night is published; a
 * regional manager's row filter follows the columns a table has when a statement first reads it.
 */
class SessionPlanCacheIT {

    private static final String CUSTOMERS = "select customer_id from kpi.customer_value order by customer_id";

    @TempDir
    Path directory;

    private TestWarehouse warehouse;
    private WarehouseDataSource dataSource;
    private final AtomicReference<String> publishedNights = new AtomicReference<>("1@2026-01-15 02:00:00");
    private final AtomicInteger parses = new AtomicInteger();
    private Hook.Closeable parseCounter;

    @BeforeEach
    void openWarehouse() throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
        dataSource = new WarehouseDataSource(warehouse.connections());
        parseCounter = Hook.PARSE_TREE.addThread((Consumer<Object>) parseTree -> parses.incrementAndGet());
    }

    @AfterEach
    void closeWarehouse() throws SQLException {
        parseCounter.close();
        warehouse.close();
    }

    @Test
    void sameSqlTwiceInOneSessionIsPlannedOnce() throws SQLException {
        CalciteSessionFactory sessions = sessions();
        try (Connection session = sessions.open(user("anna", Set.of(UserAccount.ANALYST), Set.of()))) {
            List<String> first = column(session, CUSTOMERS);
            List<String> second = column(session, CUSTOMERS);

            assertThat(first).containsExactly("C0000001", "C0000002", "C0000003");
            assertThat(second).isEqualTo(first);
            assertThat(parses).hasValue(1);
        }
    }

    @Test
    void aRegionalManagerNeverGetsAnAnalystsPlan() throws SQLException {
        CalciteSessionFactory sessions = sessions();
        try (Connection analyst = sessions.open(user("anna", Set.of(UserAccount.ANALYST), Set.of()));
                Connection manager =
                        sessions.open(user("regine", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Nord")))) {
            assertThat(column(analyst, CUSTOMERS)).containsExactly("C0000001", "C0000002", "C0000003");

            assertThat(column(manager, CUSTOMERS)).containsExactly("C0000001");
            assertThat(column(manager, CUSTOMERS)).containsExactly("C0000001");
            assertThat(column(analyst, CUSTOMERS)).containsExactly("C0000001", "C0000002", "C0000003");
            assertThat(parses).hasValue(2);
        }
    }

    @Test
    void aNewlyPublishedNightIsPlannedAgainAndItsNewViewsAreSeen() throws SQLException {
        CalciteSessionFactory sessions = sessions();
        try (Connection session = sessions.open(user("anna", Set.of(UserAccount.ANALYST), Set.of()))) {
            column(session, CUSTOMERS);
            try (Statement owner = warehouse.owner().createStatement()) {
                owner.execute("create view kpi.new_customers as select customer_id from core.customer_golden "
                        + "where customer_id > 'C0000001'");
            }

            publishedNights.set("2@2026-01-16 02:00:00");

            assertThat(column(session, CUSTOMERS)).containsExactly("C0000001", "C0000002", "C0000003");
            assertThat(column(session, "select customer_id from kpi.new_customers order by customer_id"))
                    .containsExactly("C0000002", "C0000003");
            assertThat(parses).hasValue(3);
        }
    }

    @Test
    void aViewThatGainedCustomerColumnsAfterTheManagerListedItIsRefusedNotServedWhole() throws SQLException {
        try (Statement owner = warehouse.owner().createStatement()) {
            owner.execute("create view kpi.market_totals as select segment, units from core.market_fact");
        }
        CalciteSessionFactory sessions = sessions();
        try (Connection manager = sessions.open(user("regine", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Nord")))) {
            // the session lists kpi while market_totals is an aggregate without region or customer
            assertThat(column(manager, "select count(*) from kpi.customer_value"))
                    .containsExactly("1");
            try (Statement owner = warehouse.owner().createStatement()) {
                owner.execute("create or replace view kpi.market_totals as "
                        + "select customer_id, company_name as segment from core.customer_golden");
            }

            assertThatThrownBy(() -> column(manager, "select segment from kpi.market_totals"))
                    .hasMessageContaining("table kpi.market_totals is not visible to regional managers");
        }
    }

    @Test
    void aViewThatGainedARegionAfterTheManagerListedItIsFiltered() throws SQLException {
        try (Statement owner = warehouse.owner().createStatement()) {
            owner.execute("create view kpi.segment_units as select segment, units from core.market_fact");
        }
        CalciteSessionFactory sessions = sessions();
        try (Connection manager = sessions.open(user("regine", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Nord")))) {
            assertThat(column(manager, "select count(*) from kpi.customer_value"))
                    .containsExactly("1");
            try (Statement owner = warehouse.owner().createStatement()) {
                owner.execute("create or replace view kpi.segment_units as "
                        + "select sales_region, segment, units from core.market_fact");
            }

            // Nord's facts only: Maschinenbau 42, Chemie 5 (Süd's 17 Maschinenbau units stay out)
            assertThat(column(manager, "select cast(sum(units) as varchar) from kpi.segment_units"))
                    .containsExactly("47");
        }
    }

    @Test
    void theStampOfPublishedNightsChangesWithEachPublication() throws SQLException {
        PublishedNights nights = new PublishedNights(dataSource);
        assertThat(nights.get()).isEqualTo(PublishedNights.NONE);

        try (Statement owner = warehouse.owner().createStatement()) {
            owner.execute("create table ops.publish (run_id bigint primary key, as_of_date date not null, "
                    + "published_at timestamp not null, kpi_views integer not null, kpi_rows bigint not null)");
            owner.execute(
                    "insert into ops.publish values (1, date '2026-01-15', timestamp '2026-01-15 02:00:00', 3, 9)");
            assertThat(nights.get()).isEqualTo("1@2026-01-15 02:00:00");

            // a night resumed after a failure publishes under the same run id again
            owner.execute("insert or replace into ops.publish values "
                    + "(1, date '2026-01-15', timestamp '2026-01-15 03:30:00', 3, 9)");
            assertThat(nights.get()).isEqualTo("1@2026-01-15 03:30:00");
        }
    }

    private CalciteSessionFactory sessions() {
        return new CalciteSessionFactory(
                dataSource,
                QueryLimits.DEFAULT.withDefaultTimeout(Duration.ofMinutes(1)),
                publishedNights::get,
                warehouse.policies(),
                io.salesbi.sql.PersonalDataCatalogue.warehouse());
    }

    private static UserAccount user(String name, Set<String> roles, Set<String> regions) {
        return new UserAccount(name, PasswordHasher.NO_PASSWORD, roles, regions);
    }

    private static List<String> column(Connection session, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = session.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
