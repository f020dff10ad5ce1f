package io.salesbi.server;

import io.salesbi.sql.RowPolicies;
import io.salesbi.sql.RowPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The start-up check of row-level security: while any account has a restricted role, every relation of the schemas
 * such an account sees must carry a {@link RowPolicy} that fits its columns, or the endpoint does not start. At run
 * time a relation without a policy is hidden anyway ({@link RegionRowFilter}); this check turns a forgotten policy
 * into a clear message before anybody connects instead of a view that silently went missing.
 */
final class RowPolicyCheck {

    private RowPolicyCheck() {}

    /**
     * @throws IllegalStateException naming every relation without a fitting policy and how to declare one
     */
    static void verify(DataSource warehouse, RowPolicies policies, Collection<UserAccount> users) {
        TreeSet<String> schemas = new TreeSet<>();
        users.stream()
                .filter(RegionRowFilter::isRestricted)
                .forEach(user -> schemas.addAll(CalciteSessionFactory.visibleSchemas(user)));
        if (schemas.isEmpty()) {
            return;
        }
        Map<String, List<String>> relations = columnsOf(warehouse, schemas);
        List<String> problems = new ArrayList<>();
        boolean customerPolicies = false;
        for (Map.Entry<String, List<String>> relation : relations.entrySet()) {
            String[] name = relation.getKey().split("\\.", 2);
            RowPolicy policy = policies.of(name[0], name[1]).orElse(null);
            if (policy == null) {
                problems.add(relation.getKey() + " has no row policy");
                continue;
            }
            customerPolicies |= policy.kind() == RowPolicy.Kind.CUSTOMER;
            // a hidden relation is never served, so its columns do not matter
            String problem = policy.kind() == RowPolicy.Kind.HIDDEN ? null : policy.misfit(relation.getValue());
            if (problem != null) {
                problems.add(relation.getKey() + ": " + problem);
            }
        }
        if (customerPolicies) {
            List<String> customers = columnsOf(warehouse, List.of("core")).get(RowPolicy.CUSTOMER_REGIONS);
            if (customers == null
                    || !customers.contains(RowPolicy.CUSTOMER_COLUMN)
                    || !customers.contains(RowPolicy.REGION_COLUMN)) {
                problems.add("customer(...) policies need " + RowPolicy.CUSTOMER_REGIONS + " with columns "
                        + RowPolicy.CUSTOMER_COLUMN + " and " + RowPolicy.REGION_COLUMN);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("JDBC endpoint not started: row-level security for role "
                    + UserAccount.REGIONAL_MANAGER + " is incomplete: " + String.join("; ", problems)
                    + ". Declare each relation's policy (region(<column>), customer(<column>), aggregate or hidden) "
                    + "in its view header ('-- Policy: ...' in R__kpi_*.sql) or in " + RowPolicies.CORE_POLICIES);
        }
    }

    /** Column names (lower case) of every table and view of the schemas, by {@code schema.relation}. */
    private static Map<String, List<String>> columnsOf(DataSource warehouse, Collection<String> schemas) {
        Map<String, List<String>> relations = new TreeMap<>();
        String sql = "select table_schema || '.' || table_name, lower(column_name) from information_schema.columns "
                + "where table_catalog = current_database() and table_schema = ? order by ordinal_position";
        try (Connection connection = warehouse.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String schema : schemas) {
                statement.setString(1, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        relations
                                .computeIfAbsent(rows.getString(1), name -> new ArrayList<>())
                                .add(rows.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the relations of schemas " + schemas + " to check their row policies: "
                            + e.getMessage(),
                    e);
        }
        return relations;
    }
}
