package io.salesbi.dashboards;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The customers the customers page can list, and so the customer page shows: for every cell of the page's filters
 * (year × region × segment × the channel bought through, or none) the {@value #LIST_SIZE} customers with the most
 * revenue, the most contribution (DB II), the highest cost to serve among those A by revenue and C by contribution,
 * and the highest peer share among cross-sell gaps.
 *
 * <p>A list under any choice of filters ranks the customers of a union of such cells, and the first n of a union are
 * among the first n of its parts; so the page's lists are exactly those of all customers while the page carries a
 * number of customers that grows with the cells, not with the warehouse (scale 100: 199,448 customers, 7,123 of them
 * listed; a page inlining all of them ran out of a 2 GB heap). Counts (the matrices, "n more") come from all customers
 * ({@code customerCounts}). Ties rank by customer id, as the pages' stable sort of the id-ordered datasets does.
 * The ranking runs in the warehouse (window functions over the cells, dataset {@code customerShortlist}): at scale
 * 100 it read 1.5 M cell rows into Java before.
 */
final class CustomerShortlist {

    /** The length of every customer list on the customers page. */
    static final int LIST_SIZE = 20;

    /** The datasets read only for the shortlisted customers (column {@code id}). */
    static final Set<String> DATASETS = Set.of(
            "customers",
            "customerChannels",
            "crossSell",
            "customerYears",
            "customerSources",
            "customerContacts",
            "customerTouch");

    /** The listed customers' ids, or null for every customer. */
    private final Set<String> ids;

    private final int customers;

    private CustomerShortlist(Set<String> ids, int customers) {
        this.ids = ids;
        this.customers = customers;
    }

    /** The shortlisted customers as the warehouse ranks them (dataset {@code customerShortlist}). */
    static CustomerShortlist of(KpiQueries kpi) throws SQLException {
        Set<String> listed = new HashSet<>();
        int[] customers = {0};
        kpi.forEachRow("customerShortlist", row -> {
            listed.add(row.text("id"));
            customers[0] = row.number("customers").intValue();
        });
        // no cells: a warehouse migrated before order lines had channels (kpi.customer_channel) keeps every customer
        return listed.isEmpty() ? new CustomerShortlist(null, 0) : new CustomerShortlist(listed, customers[0]);
    }

    boolean contains(Object id) {
        return ids == null || (id != null && ids.contains(id.toString()));
    }

    /** How many customers the pages carry (all of them: {@link #customers()}). */
    int listed() {
        return ids == null ? customers : ids.size();
    }

    /** How many customers the warehouse (or the regional set's scope) has. */
    int customers() {
        return customers;
    }
}
