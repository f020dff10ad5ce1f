package io.salesbi.dashboards;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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

    /** Ranks the customers of every cell, reading the cells as a stream (memory: cells × lists × LIST_SIZE). */
    static CustomerShortlist of(KpiQueries kpi) throws SQLException {
        Map<List<Object>, Top[]> cells = new HashMap<>();
        Set<String> all = new HashSet<>();
        kpi.forEachRow("customerCells", row -> {
            String id = row.text("id");
            all.add(id);
            Top[] lists = cells.computeIfAbsent(row.cell(), cell -> new Top[] {new Top(), new Top(), new Top()});
            lists[0].offer(id, row.number("revenue"));
            lists[1].offer(id, row.number("contribution"));
            if ("A".equals(row.text("abc_revenue")) && "C".equals(row.text("abc_contribution"))) {
                lists[2].offer(id, row.number("cost_to_serve"));
            }
        });
        Map<List<Object>, Top> gaps = new HashMap<>();
        kpi.forEachRow(
                "crossSellCells",
                row -> gaps.computeIfAbsent(row.cell(), cell -> new Top())
                        .offer(row.text("id"), row.number("peer_share")));
        Set<String> listed = new HashSet<>();
        cells.values().forEach(lists -> Arrays.stream(lists).forEach(top -> top.addTo(listed)));
        gaps.values().forEach(top -> top.addTo(listed));
        // no cells: a warehouse migrated before order lines had channels (kpi.customer_channel) keeps every customer
        return all.isEmpty() ? new CustomerShortlist(null, 0) : new CustomerShortlist(listed, all.size());
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

    /**
     * The first {@value #LIST_SIZE} entries of one list: highest value first, ties by the smaller id; no value, no
     * more than the last place (the lists leave such rows out or sort them last).
     */
    private static final class Top {
        private static final Comparator<Entry> WORST_FIRST =
                Comparator.comparingDouble(Entry::value).thenComparing(Entry::id, Comparator.reverseOrder());
        private final PriorityQueue<Entry> entries = new PriorityQueue<>(WORST_FIRST);

        void offer(String id, Double value) {
            Entry entry = new Entry(id, value == null ? Double.NEGATIVE_INFINITY : value);
            if (entries.size() < LIST_SIZE) {
                entries.add(entry);
            } else if (WORST_FIRST.compare(entry, entries.peek()) > 0) {
                entries.poll();
                entries.add(entry);
            }
        }

        void addTo(Set<String> ids) {
            entries.forEach(entry -> ids.add(entry.id()));
        }
    }

    private record Entry(String id, double value) {}
}
