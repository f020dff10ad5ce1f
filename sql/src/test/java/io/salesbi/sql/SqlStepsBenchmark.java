package io.salesbi.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Times validate, consolidate, the assertions and every KPI view on synthetic volume. Run by hand, never as a test:
 * {@code java -cp <test classpath> io.salesbi.sql.SqlStepsBenchmark <order lines> <customers>}.
 */
public final class SqlStepsBenchmark {

    private SqlStepsBenchmark() {}

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long customers = args.length > 1 ? Long.parseLong(args[1]) : 10_000;
        Path dir = Files.createTempDirectory("salesbi-bench");
        Path file = dir.resolve("bench.duckdb");
        long started = System.nanoTime();
        TestWarehouse.migrate(file);
        report("migrate", started);
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file, properties)) {
            started = System.nanoTime();
            generate(conn, lines, customers);
            report("generate " + lines + " order lines for " + customers + " customers", started);
            for (String folder : List.of("validate", "consolidate")) {
                started = System.nanoTime();
                ScriptRunSummary summary = SqlScripts.runFolder(conn, folder);
                report(folder + " (" + summary.totalRowsAffected() + " rows affected)", started);
                summary.scripts()
                        .forEach(script ->
                                System.out.printf("    %-56s %8d ms%n", script.script(), script.durationMillis()));
            }
            started = System.nanoTime();
            KpiSnapshot.take(conn);
            report("KPI snapshot", started);
            started = System.nanoTime();
            int failures = Assertions.check(conn).size();
            report("assertions (" + failures + " failures)", started);
            List<List<String>> views = TestWarehouse.rows(
                    conn, "select table_name from information_schema.tables where table_schema = 'kpi' order by 1");
            for (List<String> view : views) {
                started = System.nanoTime();
                String rows =
                        TestWarehouse.single(conn, "select count(*) from (select * from kpi." + view.get(0) + ")");
                report("kpi." + view.get(0) + " (" + rows + " rows)", started);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void generate(Connection conn, long lines, long customers) throws Exception {
        long debtors = customers;
        try (Statement s = conn.createStatement()) {
            s.execute("update ops.parameter set value = '2025-12-31' where name = 'as_of_date'");
            s.execute("""
                    insert into raw.erp_product (_load_id, _source_file, _file_hash, _row_number, product_no, product_category, list_price, standard_cost)
                    select 1, 'erp_products_20250101.csv', 'h', i, 'P' || i,
                        ['Antriebstechnik', 'Steuerungstechnik', 'Sensorik', 'Verbindungstechnik', 'Ersatzteile', 'Service'][1 + i % 6],
                        10 + i % 500, (10 + i % 500) * 0.6
                    from range(1, 2001) t(i)""");
            s.execute("""
                    insert into raw.erp_debtor (_load_id, _source_file, _file_hash, _row_number, debtor_no, name1, industry, sales_region, account_manager)
                    select 1, 'erp_debtors_20250101.csv', 'h', i, lpad(cast(i as varchar), 6, '0'), 'Firma ' || i,
                        ['Maschinenbau', 'Automobilzulieferer', 'Lebensmittelindustrie', 'Chemie & Pharma', 'Bauwirtschaft', 'Elektrotechnik'][1 + i % 6],
                        ['Nord', 'Süd', 'West', 'Ost', 'Export'][1 + i % 5], 'Rep ' || (i % 40)
                    from range(1, {DEBTORS} + 1) t(i)""".replace("{DEBTORS}", Long.toString(debtors)));
            s.execute("""
                    insert into core.customer_xref select 'erp', debtor_no, 'C' || debtor_no, 1.0 from raw.erp_debtor""");
            s.execute("""
                    insert into core.customer_golden (customer_id, company_name, industry, sales_region, account_owner, wallet_estimate_eur, record_count, source_systems)
                    select 'C' || debtor_no, name1, industry, sales_region, account_manager,
                        case when _row_number % 3 = 0 then 500000 end, 1, 'erp' from raw.erp_debtor""");
            s.execute("""
                    insert into staging.customer_record (record_key, source_system, source_key, company_name, industry, sales_region, account_owner)
                    select 'erp:' || debtor_no, 'erp', debtor_no, name1, industry, sales_region, account_manager from raw.erp_debtor""");
            s.execute("""
                    insert into raw.erp_fx_rate (_load_id, _source_file, _file_hash, _row_number, currency, rate_month, rate_per_eur)
                    select 1, 'erp_fx_rates_20250101.csv', 'h', m, 'USD', date '2023-01-01' + to_months(cast(m as integer)), 1.1
                    from range(0, 36) t(m)""");
            s.execute("""
                    insert into raw.erp_order_line (_load_id, _source_file, _file_hash, _row_number, document_no, line_no, document_date,
                        debtor_no, product_no, quantity, list_price, net_price, discount_pct, currency, sales_channel)
                    select 2, 'erp_order_lines_20251231.csv', 'h', i, 'D' || (i // 4), cast(i % 4 as integer),
                        date '2023-01-01' + cast(i % 1095 as integer),
                        lpad(cast(1 + i % {DEBTORS} as varchar), 6, '0'), 'P' || (1 + i % 2000), 1 + i % 20,
                        10 + (i % 2000) % 500, (10 + (i % 2000) % 500) * 0.9, 10,
                        case when i % 10 = 0 then 'USD' else 'EUR' end,
                        ['Außendienst', 'Innendienst', 'E-Shop', 'EDI', 'Handelspartner', 'Marktplatz'][1 + i % 6]
                    from range(0, {LINES}) t(i)""".replace("{DEBTORS}", Long.toString(debtors)).replace("{LINES}", Long.toString(lines)));
            s.execute("""
                    insert into raw.channel_cost (_load_id, _source_file, _file_hash, _row_number, channel, cost_month, cost_type, amount_eur)
                    select 3, 'Kanalkosten.xlsx', 'h', i, ['Außendienst', 'Innendienst', 'E-Shop', 'EDI', 'Handelspartner', 'Marktplatz', 'Gemeinkosten'][1 + i % 7],
                        date '2023-01-01' + to_months(cast(i // 7 as integer)), 'Personal', 10000
                    from range(0, 36 * 7) t(i)""");
            s.execute("""
                    insert into raw.market_volume (_load_id, _source_file, _file_hash, _row_number, industry, region, year, market_volume_eur, competitor_1, share_1)
                    select distinct 4, 'Marktstudie.xlsx', 'h', 0, industry, sales_region, y, 50000000, 'Wettbewerber A', 0.2
                    from raw.erp_debtor, range(2023, 2026) t(y)""");
            s.execute("""
                    insert into raw.service_driver (_load_id, _source_file, _file_hash, _row_number, debtor_no, year, visits, support_tickets, special_deliveries)
                    select 5, 'service_drivers_20251231.csv', 'h', _row_number, debtor_no, y, _row_number % 7, _row_number % 13, _row_number % 3
                    from raw.erp_debtor, range(2023, 2026) t(y)""");
        }
    }

    private static void report(String what, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        System.out.printf("%-60s %8d ms%n", what, millis);
    }
}
