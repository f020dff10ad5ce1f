package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowPoliciesTest {

    @TempDir
    Path dir;

    @Test
    void everyKpiAndCoreRelationOfTheMigratedWarehouseHasAPolicyThatFitsItsColumns() throws SQLException {
        // given the relations a regional manager's schemas hold after all migrations
        Map<String, List<String>> relations = new TreeMap<>();
        try (Connection conn = TestWarehouse.migrated(dir);
                Statement statement = conn.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select table_schema || '.' || table_name, column_name from information_schema.columns
                        where table_schema in ('kpi', 'core') order by ordinal_position""")) {
            while (rows.next()) {
                relations
                        .computeIfAbsent(rows.getString(1), name -> new ArrayList<>())
                        .add(rows.getString(2));
            }
        }
        RowPolicies policies = RowPolicies.warehouse();

        // then each has exactly one policy, it fits, and no policy names a relation that does not exist
        relations.forEach((relation, columns) -> {
            String[] name = relation.split("\\.");
            RowPolicy policy = policies.of(name[0], name[1])
                    .orElseThrow(() -> new AssertionError(relation + " has no row policy"));
            if (policy.kind() != RowPolicy.Kind.HIDDEN) {
                assertThat(policy.misfit(columns)).as(relation).isNull();
            }
        });
        assertThat(relations.keySet()).containsAll(policies.declared().keySet());
        assertThat(policies.of("core", "customer_match_pair")).contains(RowPolicy.HIDDEN);
        assertThat(policies.of("core", "customer_override")).contains(RowPolicy.HIDDEN);
        assertThat(policies.of("kpi", "cross_sell_gap"))
                .contains(new RowPolicy(RowPolicy.Kind.CUSTOMER, "customer_id"));
    }

    @Test
    void declarationFileIsParsedLineByLineIgnoringComments() {
        RowPolicies policies = RowPolicies.parse("test.policy", """
                # a comment
                core.a: region(sales_region)
                Core.B:  Customer( customer_id )

                kpi.c: aggregate
                kpi.d: hidden
                """);

        assertThat(policies.declared())
                .containsExactly(
                        Map.entry("core.a", new RowPolicy(RowPolicy.Kind.REGION, "sales_region")),
                        Map.entry("core.b", new RowPolicy(RowPolicy.Kind.CUSTOMER, "customer_id")),
                        Map.entry("kpi.c", new RowPolicy(RowPolicy.Kind.AGGREGATE, null)),
                        Map.entry("kpi.d", RowPolicy.HIDDEN));
    }

    @Test
    void malformedOrDuplicatePoliciesAreRejectedWithFileAndLine() {
        assertThatThrownBy(() -> RowPolicies.parse("test.policy", "core.a: region\n"))
                .hasMessage("test.policy:1: row policy 'region' is not one of region(<column>), customer(<column>), "
                        + "aggregate, hidden");
        assertThatThrownBy(() -> RowPolicies.parse("test.policy", "core.a: hidden\ncore.A: aggregate\n"))
                .hasMessage("test.policy:2: core.A has a second row policy; declare it once");
        assertThatThrownBy(() -> RowPolicies.parse("test.policy", "customer_golden: hidden\n"))
                .hasMessage("test.policy:1: expected '<schema>.<relation>: <policy>', was: customer_golden: hidden");
    }

    @Test
    void aPolicyFitsOnlyARelationWithItsColumns() {
        assertThat(RowPolicy.parse("region(sales_region)", "t").misfit(List.of("Sales_Region")))
                .isNull();
        assertThat(RowPolicy.parse("customer(customer_id)", "t").misfit(List.of("name")))
                .isEqualTo("row policy customer(customer_id) names a column it does not have");
        assertThat(RowPolicy.parse("aggregate", "t").misfit(List.of("customer_id", "revenue_eur")))
                .isEqualTo("row policy aggregate, but it has customer detail (column customer_id)");
    }
}
