package io.salesbi.sql.server;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Row-level security for role {@value UserAccount#REGIONAL_MANAGER}, applied by the server to every table and view
 * of every schema the user sees. The rule, by the columns a table has:
 * <ul>
 *   <li>a {@value #REGION_COLUMN} column: only rows whose {@code sales_region} is one of the user's regions
 *       (exact, case-sensitive match; rows with a null region are not shown);</li>
 *   <li>no {@code sales_region} but a {@value #CUSTOMER_COLUMN} column: customer-level data that cannot be scoped,
 *       so the table is hidden (fail closed: a customer-level KPI view must carry {@code sales_region} to be
 *       visible to regional managers);</li>
 *   <li>neither: aggregate data (market, channel, data-quality KPIs), shown unfiltered.</li>
 * </ul>
 * Column names are matched case-insensitively. The filter is part of the table's plan, so no query shape (joins,
 * sub-queries, metadata calls) can reach rows outside it.
 */
final class RegionRowFilter {

    static final String REGION_COLUMN = "sales_region";
    static final String CUSTOMER_COLUMN = "customer_id";

    /** What the filter does to one table. */
    enum Scope { UNFILTERED, FILTERED, HIDDEN }

    private final Set<String> regions;

    private RegionRowFilter(Set<String> regions) {
        this.regions = new TreeSet<>(regions);
    }

    /** The filter for a user, or {@code null} when the user's rows are not scoped. */
    static RegionRowFilter of(UserAccount user) {
        return user.hasRole(UserAccount.REGIONAL_MANAGER) ? new RegionRowFilter(user.regions()) : null;
    }

    static Scope scope(RelDataType rowType) {
        return scope(rowType.getFieldNames());
    }

    /** The scope of a table with these column names. */
    static Scope scope(Collection<String> columnNames) {
        Set<String> columns = new HashSet<>();
        columnNames.forEach(name -> columns.add(name.toLowerCase(Locale.ROOT)));
        if (columns.contains(REGION_COLUMN)) {
            return Scope.FILTERED;
        }
        return columns.contains(CUSTOMER_COLUMN) ? Scope.HIDDEN : Scope.UNFILTERED;
    }

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
