package io.salesbi.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** In-memory DuckDB warehouses whose kpi schema is shaped like the KPI view contract. */
final class KpiFixture {

    /** Two years, two segments, two regions, two channels, hostile customer names; see the SQL file's header. */
    static final String TWO_YEARS = "fixtures/kpi-two-years-two-segments-hostile-names.sql";

    /** The month cube and the customer channels over a fixture's lines, run after every fixture. */
    private static final String GRAINS = "fixtures/kpi-grains-over-lines.sql";

    static final Instant GENERATED_AT = Instant.parse("2026-11-26T06:30:00Z");

    private KpiFixture() {}

    static Connection open(String script) throws SQLException, IOException {
        Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = conn.createStatement()) {
            statement.execute("set autoinstall_known_extensions = false");
        }
        load(conn, script);
        return conn;
    }

    /** Runs a fixture script on {@code conn}, then the month cube and customer channels over its lines. */
    static void load(Connection conn, String script) throws SQLException, IOException {
        run(conn, script);
        run(conn, GRAINS);
    }

    /**
     * Gives kpi.channel_pnl revenue in every month of 2025 but only January to November 2026 (as of November), and
     * core.sales_fact the field sales lines of 2025 month by month (100.00 net, 125.00 list, 60.00 cost of goods
     * each), so that January to November 2025 hold 1100.00 / 1375.00 / 660.00.
     */
    static void makeTheLastYearPartial(Connection conn) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            statement.execute("""
                    insert into core.sales_fact
                    select 'order', 2025, month, 'Nord', 'Maschinenbau', 'FIELD_SALES', 'Antriebe', 100.00, 125.00,
                           60.00
                    from range(1, 13) m(month)""");
            statement.execute("""
                    insert into kpi.channel_pnl
                    select 'FIELD_SALES', 'Außendienst', 'Field sales', year, month, 100.00, 50.00, 50.00, 10.00,
                           5.00, 35.00, 2.3333
                    from range(2025, 2027) y(year), range(1, 13) m(month)
                    where year = 2025 or month <= 11""");
        }
    }

    /**
     * Month by month facts for the period filter, with the yearly views rebuilt from them so every figure agrees:
     * core.sales_fact holds 2024 and 2025 whole and 2026 January to November (as of November), per month field
     * sales in Nord / Maschinenbau / Antriebe (net 1000 + 10 × month + 100 × (year - 2024), list net + 250, cost of
     * goods 600 + 5 × month) and the web shop in Süd / Chemie / Sensorik (net 200 + month + 50 × (year - 2024), list
     * net + 20, cost of goods 100); kpi.channel_pnl the same per channel and month with direct cost 50 (field sales)
     * or 20 (web shop) and allocated cost 10; kpi.sales_cube and kpi.channel_pnl_year their sums per year.
     */
    static void replaceTheFactsByMonths(Connection conn) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            statement.execute("delete from core.sales_fact");
            statement.execute("""
                    insert into core.sales_fact
                    select 'order', year, month, 'Nord', 'Maschinenbau', 'FIELD_SALES', 'Antriebe',
                           1000 + 10 * month + 100 * (year - 2024), 1250 + 10 * month + 100 * (year - 2024),
                           600 + 5 * month
                    from range(2024, 2027) y(year), range(1, 13) m(month)
                    where year < 2026 or month <= 11
                    union all
                    select 'order', year, month, 'Süd', 'Chemie', 'WEB_SHOP', 'Sensorik',
                           200 + month + 50 * (year - 2024), 220 + month + 50 * (year - 2024), 100
                    from range(2024, 2027) y(year), range(1, 13) m(month)
                    where year < 2026 or month <= 11""");
            statement.execute("delete from kpi.channel_pnl");
            statement.execute("""
                    insert into kpi.channel_pnl
                    select channel_code, case channel_code when 'WEB_SHOP' then 'E-Shop' else 'Außendienst' end,
                           case channel_code when 'WEB_SHOP' then 'Web shop' else 'Field sales' end, year, month,
                           sum(net_amount_eur), sum(cost_of_goods_eur), sum(net_amount_eur - cost_of_goods_eur),
                           any_value(case channel_code when 'WEB_SHOP' then 20 else 50 end), 10,
                           sum(net_amount_eur - cost_of_goods_eur)
                               - any_value(case channel_code when 'WEB_SHOP' then 30 else 60 end),
                           (sum(net_amount_eur - cost_of_goods_eur)
                               - any_value(case channel_code when 'WEB_SHOP' then 30 else 60 end))
                               / any_value(case channel_code when 'WEB_SHOP' then 30 else 60 end)
                    from core.sales_fact
                    group by channel_code, year, month""");
            statement.execute("delete from kpi.channel_pnl_year");
            statement.execute("""
                    insert into kpi.channel_pnl_year
                    select channel_code, any_value(channel_name_de), any_value(channel_name_en), year,
                           sum(net_revenue_eur), sum(cost_of_goods_eur), sum(gross_margin_eur),
                           sum(direct_channel_cost_eur), sum(allocated_cost_eur), sum(contribution_margin_eur),
                           sum(contribution_margin_eur) / (sum(direct_channel_cost_eur) + sum(allocated_cost_eur))
                    from kpi.channel_pnl
                    group by channel_code, year""");
            statement.execute("delete from kpi.sales_cube");
            statement.execute("""
                    insert into kpi.sales_cube
                    select year, sales_region, industry, channel_code, product_category, sum(net_amount_eur),
                           sum(list_amount_eur), sum(cost_of_goods_eur), count(*)
                    from core.sales_fact
                    group by year, sales_region, industry, channel_code, product_category""");
        }
    }

    /**
     * Reference data as a real warehouse holds it: 2026 lines of unmatched debtors (region and segment '(unmapped)')
     * without a product group, a CRM touchpoint channel ('Trade Fair') and the quarantine rule codes of validate
     * ('activity.invalid_date') and ingest ('document_date.wrong_format').
     */
    static void addReferenceDataAsTheWarehouseHoldsIt(Connection conn) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            statement.execute("insert into kpi.sales_cube values (2026, '(unmapped)', '(unmapped)', 'FIELD_SALES', "
                    + "null, 10.00, 10.00, 5.00, 1)");
            statement.execute("insert into kpi.touchpoints values (2026, 'usage', 'Trade Fair', 3)");
            statement.execute("delete from kpi.dq_quarantine");
            statement.execute("insert into kpi.dq_quarantine values ('crm', 'validate', 'activity.invalid_date', 3), "
                    + "('erp', 'ingest', 'document_date.wrong_format', 2)");
        }
    }

    /** Adds 2027 with nothing but a credit note of -50.00 (field sales, Nord, Maschinenbau, Antriebe). */
    static void addAYearOfCreditNotesOnly(Connection conn) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            statement.execute("insert into kpi.sales_cube values (2027, 'Nord', 'Maschinenbau', 'FIELD_SALES', "
                    + "'Antriebe', -50.00, -60.00, -30.00, 0)");
            statement.execute("insert into kpi.channel_pnl values ('FIELD_SALES', 'Außendienst', 'Field sales', 2027, "
                    + "1, -50.00, -30.00, -20.00, 0.00, 0.00, -20.00, null)");
            statement.execute("insert into kpi.channel_pnl_year values ('FIELD_SALES', 'Außendienst', 'Field sales', "
                    + "2027, -50.00, -30.00, -20.00, 0.00, 0.00, -20.00, null)");
        }
    }

    /**
     * The web shop's 2026 products lose their standard cost: cost of goods, margins, contributions and ROI of the web
     * shop's 2026 rows become null ("not available"), and so do C0000002's 2026 contribution and ABC by contribution.
     */
    static void removeTheWebShopsStandardCost2026(Connection conn) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            statement.execute("update kpi.sales_cube set cost_of_goods_eur = null "
                    + "where year = 2026 and channel_code = 'WEB_SHOP'");
            statement.execute("update kpi.channel_pnl_year set cost_of_goods_eur = null, gross_margin_eur = null, "
                    + "contribution_margin_eur = null, roi = null where year = 2026 and channel_code = 'WEB_SHOP'");
            statement.execute("update kpi.customer_value set gross_margin_eur = null, contribution_eur = null, "
                    + "abc_contribution = null where year = 2026 and customer_id = 'C0000002'");
        }
    }

    /**
     * The golden customers (core.customer_golden, the columns the customer(...) row policies read) of the fixture's
     * customers: C0000001, C0000003 and C0000004 in Nord, C0000002 (the script-named one) in Süd.
     */
    static void addGoldenCustomers(Connection conn) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            statement.execute("create table core.customer_golden (customer_id varchar, company_name varchar, "
                    + "sales_region varchar)");
            statement.execute("insert into core.customer_golden values "
                    + "('C0000001', 'Müller Maschinenbau GmbH', 'Nord'), "
                    + "('C0000002', '<script>alert(1)</script>', 'Süd'), "
                    + "('C0000003', '\"><img src=x onerror=alert(1)>', 'Nord'), "
                    + "('C0000004', '=HYPERLINK(\"http://evil.example\",\"click\")', 'Nord')");
        }
    }

    static void run(Connection conn, String script) throws SQLException, IOException {
        String sql;
        try (InputStream in = KpiFixture.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalArgumentException("fixture not found: " + script);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String command : sql.split(";\\s*\\n")) {
            String withoutComments = command.replaceAll("(?m)^--.*$", "").strip();
            if (!withoutComments.isEmpty()) {
                try (Statement statement = conn.createStatement()) {
                    statement.execute(withoutComments);
                }
            }
        }
    }
}
