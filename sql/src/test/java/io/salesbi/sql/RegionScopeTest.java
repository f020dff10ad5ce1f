package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionScopeTest {

    private static final RegionScope NORD_SUED = RegionScope.of(Set.of("Süd", "Nord"));

    @Test
    void eachPolicyKindIsOneConditionOverTheRelationsOwnColumns() {
        assertThat(NORD_SUED.condition(RowPolicy.parse("region(sales_region)", "test")))
                .isEqualTo("\"sales_region\" in ('Nord', 'Süd')");
        assertThat(NORD_SUED.condition(RowPolicy.parse("customer(customer_id)", "test")))
                .isEqualTo("\"customer_id\" in (select customer_id from core.customer_golden "
                        + "where sales_region in ('Nord', 'Süd'))");
        assertThat(NORD_SUED.condition(RowPolicy.parse("aggregate", "test"))).isEqualTo("true");
        assertThat(NORD_SUED.condition(RowPolicy.HIDDEN)).isEqualTo("false");
        assertThat(RegionScope.of(Set.of("O'Neill")).condition(RowPolicy.parse("region(region)", "test")))
                .isEqualTo("\"region\" in ('O''Neill')");
    }

    @Test
    void theConditionsKeepTheRowsTheEndpointKeeps() throws Exception {
        // given two golden customers in Nord and Süd, one in West, and facts with a null and an unknown customer
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = conn.createStatement()) {
            statement.execute("create schema core");
            statement.execute("create table core.customer_golden (customer_id varchar, sales_region varchar)");
            statement.execute("insert into core.customer_golden values ('C1', 'Nord'), ('C2', 'Süd'), ('C3', 'West')");
            statement.execute("create table facts (customer_id varchar, sales_region varchar, amount int)");
            statement.execute("insert into facts values ('C1', 'Nord', 1), ('C2', 'West', 2), ('C3', 'Süd', 4), "
                    + "(null, 'Nord', 8), ('C9', null, 16)");

            // then a region policy reads the row's region, a customer policy the customer's golden region
            assertThat(sum(statement, NORD_SUED.condition(RowPolicy.parse("region(sales_region)", "t"))))
                    .isEqualTo(1 + 4 + 8);
            assertThat(sum(statement, NORD_SUED.condition(RowPolicy.parse("customer(customer_id)", "t"))))
                    .isEqualTo(1 + 2);
            assertThat(sum(statement, NORD_SUED.condition(RowPolicy.parse("aggregate", "t"))))
                    .isEqualTo(31);
            assertThat(sum(statement, NORD_SUED.condition(RowPolicy.HIDDEN))).isZero();
        }
    }

    @Test
    void theFolderNameIsTheRegionsSpelledInAsciiSortedAndJoined() {
        assertThat(RegionScope.of(Set.of("Nord")).folderName()).isEqualTo("nord");
        assertThat(NORD_SUED.folderName()).isEqualTo("nord_sued");
        assertThat(RegionScope.of(Set.of("Baden-Württemberg / Süd")).folderName())
                .isEqualTo("baden-wuerttemberg-sued");
        assertThat(RegionScope.of(Set.of("Île-de-France")).folderName()).isEqualTo("ile-de-france");
        assertThat(RegionScope.of(Set.of("../..")).folderName())
                .startsWith("region-")
                .doesNotContain(".", "/");
        assertThat(NORD_SUED.label()).isEqualTo("Nord, Süd");
    }

    @Test
    void aScopeNeedsARegion() {
        assertThatThrownBy(() -> RegionScope.of(List.of()))
                .hasMessage("a region scope needs at least one sales_region value");
        assertThatThrownBy(() -> RegionScope.of(List.of(" ")))
                .hasMessage("a region scope has a blank sales_region value: [ ]");
    }

    private static long sum(Statement statement, String condition) throws Exception {
        List<Long> sums = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select coalesce(sum(amount), 0) from facts where " + condition)) {
            while (rows.next()) {
                sums.add(rows.getLong(1));
            }
        }
        return sums.get(0);
    }
}
