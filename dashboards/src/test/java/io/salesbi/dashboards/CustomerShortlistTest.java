package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The customers and customer pages carry only the customers a list of the customers page can show, and every such
 * list stays exactly the list over all customers.
 */
class CustomerShortlistTest {

    private static final String TABLES = """
            create schema kpi;
            create schema core;
            create table kpi.customer_value (customer_id varchar, company_name varchar, industry varchar,
                sales_region varchar, "year" integer, revenue_eur decimal(18,2), cost_to_serve_eur decimal(18,2),
                contribution_eur decimal(18,2), abc_revenue varchar, abc_contribution varchar,
                share_of_wallet double, last_order_date date, value_segment varchar, potential_segment varchar,
                service_model varchar, wallet_below_revenue boolean, wallet_estimate_eur decimal(18,2),
                wallet_eur decimal(18,2));
            create table core.sales_line (customer_id varchar, "year" integer, channel_code varchar, kind varchar);
            create view kpi.customer_channel as
                select customer_id, "year", channel_code, count(*) as order_lines from core.sales_line
                where kind = 'order' group by all;
            create table kpi.cross_sell_gap (customer_id varchar, product_category varchar, peer_buyer_share double);
            """;

    @Test
    void oneCellOfTwentyFiveCustomersKeepsTheTwentyWithTheMostRevenueTiesToTheSmallerId() throws Exception {
        try (Connection conn = warehouse()) {
            // given 25 customers of one year, region and segment, revenue (and contribution) C01 100 … C25 2500,
            // except C05 at 600 like C06: place 20 is a tie between C05 and C06; all bought through field sales
            execute(conn, """
                    insert into kpi.customer_value (customer_id, company_name, industry, sales_region, "year",
                        revenue_eur, contribution_eur, cost_to_serve_eur, abc_revenue, abc_contribution,
                        value_segment, potential_segment)
                    select printf('C%02d', i), 'Kunde ' || i, 'Maschinenbau', 'Nord', 2026,
                           case when i = 5 then 600 else i * 100 end, case when i = 5 then 600 else i * 100 end,
                           50, 'A', 'A', 'high', 'low'
                    from range(1, 26) as t(i);
                    insert into core.sales_line select customer_id, 2026, 'FIELD_SALES', 'order'
                        from kpi.customer_value;
                    """);
            KpiQueries kpi = new KpiQueries(conn);

            // when
            CustomerShortlist shortlist = kpi.shortlist();
            DataTable customers = kpi.get("customers");

            // then C05 (the tie, smaller id than C06) and C07 … C25; not C01 … C04 nor C06
            assertThat(shortlist.customers()).isEqualTo(25);
            assertThat(shortlist.listed()).isEqualTo(20);
            assertThat(customers.distinct("id"))
                    .containsExactly(
                            "C05", "C07", "C08", "C09", "C10", "C11", "C12", "C13", "C14", "C15", "C16", "C17", "C18",
                            "C19", "C20", "C21", "C22", "C23", "C24", "C25");
            // the counts still count all 25: once without a channel, once as field sales buyers
            DataTable counts = kpi.get("customerCounts");
            assertThat(counts.rows())
                    .extracting(row -> row.get(counts.index("channel")) + "=" + row.get(counts.index("customers")))
                    .containsExactlyInAnyOrder("null=25", "FIELD_SALES=25");
        }
    }

    @Test
    void everyListUnderEveryFilterIsTheListOverAllCustomers() throws Exception {
        try (Connection conn = warehouse()) {
            // given 600 customers over two years, two regions, three segments, bought through up to three channels,
            // with random figures (fixed seed) and cross-sell gaps; ties in revenue on purpose (rounded to 1,000)
            execute(conn, """
                    select setseed(0.42);
                    insert into kpi.customer_value (customer_id, company_name, industry, sales_region, "year",
                        revenue_eur, contribution_eur, cost_to_serve_eur, abc_revenue, abc_contribution,
                        value_segment, potential_segment)
                    select printf('C%04d', i), 'Kunde ' || i, ['Maschinenbau', 'Handel', 'Chemie'][1 + i % 3],
                           ['Nord', 'Süd'][1 + (i // 3) % 2], y, round(random() * 50) * 1000,
                           round(random() * 40000 - 10000, 2), round(random() * 5000, 2),
                           ['A', 'B', 'C'][1 + floor(random() * 3)::int], ['A', 'B', 'C'][1 + floor(random() * 3)::int],
                           ['low', 'high'][1 + floor(random() * 2)::int], ['low', 'high'][1 + floor(random() * 2)::int]
                    from range(1, 601) as t(i), (values (2025), (2026)) as years(y);
                    insert into core.sales_line
                    select customer_id, "year", channel, 'order'
                    from kpi.customer_value, (values ('FIELD_SALES'), ('WEBSHOP'), ('DEALER')) as c(channel)
                    where random() < 0.45;
                    insert into kpi.cross_sell_gap
                    select distinct customer_id, category, round(random(), 2)
                    from kpi.customer_value, (values ('Antriebe'), ('Sensorik')) as c(category)
                    where random() < 0.5;
                    """);
            KpiQueries kpi = new KpiQueries(conn);

            // when
            CustomerShortlist shortlist = kpi.shortlist();

            // then far fewer customers than all, and every first-20 list under every filter is among them
            assertThat(shortlist.customers()).isEqualTo(600);
            assertThat(shortlist.listed()).isLessThan(600).isGreaterThan(CustomerShortlist.LIST_SIZE);
            int lists = 0;
            for (String year : List.of("2025", "2026")) {
                for (String region : List.of("", "Nord", "Süd")) {
                    for (String segment : List.of("", "Maschinenbau", "Handel", "Chemie")) {
                        for (String channel : List.of("", "FIELD_SALES", "WEBSHOP", "DEALER")) {
                            String rows = rowsOf(year, region, segment, channel);
                            for (String list : List.of(
                                    "select id, revenue as v from (" + rows + ")",
                                    "select id, contribution as v from (" + rows + ")",
                                    "select id, cost_to_serve as v from (" + rows + ") where abc_revenue = 'A' and"
                                            + " abc_contribution = 'C'",
                                    "select r.id, g.peer_buyer_share as v from (" + rows + ") as r join"
                                            + " kpi.cross_sell_gap as g on g.customer_id = r.id")) {
                                Set<String> first = firstTwenty(conn, list);
                                assertThat(first)
                                        .as("%s %s %s %s: %s", year, region, segment, channel, list)
                                        .allMatch(shortlist::contains);
                                lists++;
                            }
                        }
                    }
                }
            }
            assertThat(lists).isEqualTo(2 * 3 * 4 * 4 * 4);
        }
    }

    /** The customer rows a filter selects, as the customers page selects them (channel: bought through it). */
    private static String rowsOf(String year, String region, String segment, String channel) {
        return "select customer_id as id, revenue_eur as revenue, contribution_eur as contribution,"
                + " cost_to_serve_eur as cost_to_serve, abc_revenue, abc_contribution from kpi.customer_value cv"
                + " where \"year\" = " + year
                + (region.isEmpty() ? "" : " and sales_region = '" + region + "'")
                + (segment.isEmpty() ? "" : " and industry = '" + segment + "'")
                + (channel.isEmpty()
                        ? ""
                        : " and exists (select 1 from core.sales_line s where s.customer_id = cv.customer_id and"
                                + " s.\"year\" = cv.\"year\" and s.channel_code = '" + channel + "')");
    }

    /** The ids of the first 20 of a list, highest value first, ties to the smaller id (the pages' stable sort). */
    private static Set<String> firstTwenty(Connection conn, String list) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select id from (" + list + ") where v is not null order by v desc, id limit 20")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static Connection warehouse() throws SQLException {
        Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        execute(conn, TABLES);
        return conn;
    }

    private static void execute(Connection conn, String sql) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            List<String> parts = new ArrayList<>(List.of(sql.split(";\\s*\\n")));
            for (String part : parts) {
                if (!part.isBlank()) {
                    statement.execute(part);
                }
            }
        }
    }
}
