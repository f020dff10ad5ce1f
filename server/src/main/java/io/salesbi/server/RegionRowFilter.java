package io.salesbi.server;

import io.salesbi.sql.RowPolicies;
import io.salesbi.sql.RowPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Row-level security for role {@value UserAccount#REGIONAL_MANAGER}: the user's regions and the declared
 * {@link RowPolicies}. It fails closed: a relation without a declared policy is {@link RowPolicy#HIDDEN}, and
 * {@link ServedTable} refuses a relation whose columns no longer fit its policy (the region or customer column
 * gone, or an aggregate that gained a {@code customer_id}). The filter is part of the table's plan, so no query
 * shape (joins, sub-queries, metadata calls) can reach rows outside it.
 */
final class RegionRowFilter {

    private final Set<String> regions;
    private final RowPolicies policies;

    private RegionRowFilter(Set<String> regions, RowPolicies policies) {
        this.regions = new TreeSet<>(regions);
        this.policies = policies;
    }

    /** The filter for a user, or {@code null} when the user's rows are not scoped. */
    static RegionRowFilter of(UserAccount user, RowPolicies policies) {
        return isRestricted(user) ? new RegionRowFilter(user.regions(), policies) : null;
    }

    /** Whether the user's rows are scoped by row policies. */
    static boolean isRestricted(UserAccount user) {
        return user.hasRole(UserAccount.REGIONAL_MANAGER);
    }

    /** The declared policy of {@code schema.relation}; {@link RowPolicy#HIDDEN} when none is declared. */
    RowPolicy policy(String schema, String relation) {
        return policies.of(schema, relation).orElse(RowPolicy.HIDDEN);
    }

    /** The index of a column, matched case-insensitively; -1 when the row type has none of that name. */
    static int columnIndex(RelDataType rowType, String column) {
        for (RelDataTypeField field : rowType.getFieldList()) {
            if (field.getName().toLowerCase(Locale.ROOT).equals(column)) {
                return field.getIndex();
            }
        }
        return -1;
    }

    /** The regions, sorted, so the generated SQL is the same on every run. */
    List<String> regions() {
        return List.copyOf(regions);
    }
}
