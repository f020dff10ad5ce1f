package io.salesbi.bench.jdbc;

import java.util.List;

/**
 * A synthetic sales fact table for the benchmark, generated inside DuckDB (deterministic, no random numbers): one
 * row per order line, 20,000 customers in four regions, three channels, 2024-2026 order dates; plus the kpi view
 * analysts would query, one row per region and month.
 */
final class SyntheticSales {

    private SyntheticSales() {}

    static List<String> script(long rows) {
        return List.of(
                "set autoinstall_known_extensions = false",
                "create schema if not exists core",
                "create schema if not exists kpi",
                """
                create table core.sales_fact as
                select
                    'C' || lpad(cast(i % 20000 as varchar), 7, '0')                  as customer_id,
                    ['Nord', 'Süd', 'West', 'Ost'][cast(i % 4 as integer) + 1]        as sales_region,
                    ['Direkt', 'Händler', 'Online'][cast(i % 3 as integer) + 1]       as channel,
                    date '2024-01-01' + cast(i % 1000 as integer)                     as order_date,
                    cast((i * 7919) % 100000 / 100.0 + 10 as decimal(18, 2))          as revenue_eur,
                    cast(i % 50 + 1 as bigint)                                        as units
                from range({rows}) as r(i)
                """.replace("{rows}", Long.toString(rows)),
                """
                create view kpi.revenue_by_region_month as
                select
                    sales_region,
                    cast(date_trunc('month', order_date) as date) as month_start,
                    sum(revenue_eur)                              as revenue_eur,
                    cast(sum(units) as bigint)                    as units,
                    count(*)                                      as order_lines
                from core.sales_fact
                group by all
                """);
    }
}
