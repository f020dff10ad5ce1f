package io.salesbi.dashboards;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL that reads the kpi views for the pages. Aggregation happens here, in the warehouse: a page inlines only
 * the rows its filters (year, region, segment, channel) need, with short column names and rounded ratios, so it
 * stays small at scale. Each dataset is read once per generation and shared by the pages that use it.
 */
final class KpiQueries {

    static final Map<String, String> SQL = Map.ofEntries(
            Map.entry("cube", """
                    select year, sales_region as region, industry as segment, channel_code as channel,
                           product_category as category,
                           cast(sum(net_revenue_eur) as decimal(18, 2)) as net,
                           cast(sum(list_revenue_eur) as decimal(18, 2)) as list,
                           cast(sum(cost_of_goods_eur) as decimal(18, 2)) as cogs
                    from kpi.sales_cube
                    group by all
                    order by all"""),
            Map.entry("market", """
                    select industry as segment, region, year, own_revenue_eur as own, market_volume_eur as volume,
                           round(share_change_pp, 4) as change_pp, largest_competitor as competitor,
                           round(largest_competitor_share, 4) as competitor_share,
                           round(relative_market_share, 4) as relative_share, white_space_eur as white_space
                    from kpi.market_share
                    order by year, segment, region"""),
            Map.entry("pnl", """
                    select channel_code as channel, year, net_revenue_eur as net, cost_of_goods_eur as cogs,
                           gross_margin_eur as gross_margin, direct_channel_cost_eur as direct_cost,
                           allocated_cost_eur as allocated_cost, contribution_margin_eur as contribution,
                           round(roi, 4) as roi
                    from kpi.channel_pnl_year
                    order by year, channel"""),
            Map.entry("channelNames", """
                    select channel_code, any_value(channel_name_de) as name_de, any_value(channel_name_en) as name_en
                    from (
                        select channel_code, channel_name_de, channel_name_en from kpi.channel_pnl_year
                        union all
                        select channel_code, channel_name_de, channel_name_en from kpi.price_realization
                    )
                    group by channel_code
                    order by channel_code"""),
            Map.entry("months", """
                    select year,
                           cast(min(month) filter (where net_revenue_eur <> 0) as integer) as first_month,
                           cast(max(month) filter (where net_revenue_eur <> 0) as integer) as last_month
                    from kpi.channel_pnl
                    group by year
                    order by year"""),
            Map.entry("mix", """
                    select year, channels_used, customers
                    from kpi.channel_mix
                    order by year, channels_used"""),
            Map.entry("customerFlow", """
                    with active as (
                        select customer_id, year, sales_region, industry
                        from kpi.customer_value
                        where revenue_eur > 0
                    ),
                    current_year as (
                        select a.year, a.sales_region as region, a.industry as segment,
                               count(*) as active, count(*) filter (where p.customer_id is null) as gained
                        from active a
                        left join active p on p.customer_id = a.customer_id and p.year = a.year - 1
                        group by all
                    ),
                    lost as (
                        select p.year + 1 as year, p.sales_region as region, p.industry as segment, count(*) as lost
                        from active p
                        left join active a on a.customer_id = p.customer_id and a.year = p.year + 1
                        where a.customer_id is null and p.year < (select max(year) from active)
                        group by all
                    )
                    select coalesce(c.year, l.year) as year, coalesce(c.region, l.region) as region,
                           coalesce(c.segment, l.segment) as segment, coalesce(c.active, 0) as active,
                           coalesce(c.gained, 0) as gained, coalesce(l.lost, 0) as lost
                    from current_year c
                    full join lost l on l.year = c.year and l.region is not distinct from c.region
                        and l.segment is not distinct from c.segment
                    order by all"""),
            Map.entry("migration", """
                    select year, previous_main_channel as from_channel, main_channel as to_channel,
                           count(*) as customers
                    from kpi.channel_migration
                    group by all
                    order by all"""),
            Map.entry("valueMatrix", """
                    select year, sales_region as region, industry as segment, value_segment, potential_segment,
                           count(*) as customers, cast(sum(revenue_eur) as decimal(18, 2)) as revenue
                    from kpi.customer_value
                    group by all
                    order by all"""),
            Map.entry("customers", """
                    select customer_id as id, company_name as name, industry as segment, sales_region as region, year,
                           revenue_eur as revenue, cost_to_serve_eur as cost_to_serve, contribution_eur as contribution,
                           abc_revenue, abc_contribution, wallet_eur as wallet,
                           round(share_of_wallet, 4) as share_of_wallet, revenue_prev_year_eur as revenue_prev,
                           last_order_date, value_segment, potential_segment, service_model
                    from kpi.customer_value
                    order by year, revenue desc, id"""),
            Map.entry("customerChannels", """
                    select customer_id as id, year, channel_code as channel
                    from core.sales_line
                    where kind = 'order' and customer_id is not null and channel_code is not null
                    group by all
                    order by all"""),
            Map.entry("crossSell", """
                    select customer_id as id, product_category as category, round(peer_buyer_share, 3) as peer_share
                    from kpi.cross_sell_gap
                    order by peer_share desc, id, category"""),
            Map.entry("buyingCenter", """
                    with dims as (
                        select customer_id, arg_max(industry, year) as segment, arg_max(sales_region, year) as region
                        from kpi.customer_value
                        group by customer_id
                    )
                    select b.customer_id as id, b.company_name as name, d.segment, d.region, b.role,
                           b.contacts, b.last_touchpoint_date as last_touch
                    from kpi.buying_center b
                    left join dims d on d.customer_id = b.customer_id
                    order by b.company_name, b.customer_id, b.role"""),
            Map.entry("touchpoints", """
                    select year, journey_phase as phase, channel, touchpoints
                    from kpi.touchpoints
                    order by all"""),
            Map.entry("quarantine", """
                    select source, stage, rule, rows
                    from kpi.dq_quarantine
                    order by rows desc, source, stage, rule"""),
            Map.entry("fileLoads", """
                    select source, file_name, status, rows_delivered, rows_loaded, rows_rejected, reason_code,
                           message, finished_at
                    from kpi.dq_file_load
                    order by finished_at desc nulls last, source, file_name"""),
            Map.entry("steps", """
                    select step_name, status, rows_read, rows_written, rows_rejected, started_at,
                           cast(date_diff('second', started_at, finished_at) as bigint) as seconds, message
                    from ops.step_run
                    where run_id = (select max(run_id) from ops.step_run)
                    order by started_at, step_name"""),
            Map.entry("completeness", """
                    select source_system as source, field, round(completeness, 4) as completeness
                    from kpi.dq_completeness
                    order by field, source"""),
            Map.entry("surveyScores", """
                    select wave, respondent_role as role, area, respondents, answers, round(score, 4) as score,
                           round(score_change, 4) as change
                    from kpi.survey_area_score
                    order by wave, role, area"""),
            Map.entry("surveyProfile", """
                    select wave, respondent_role as role, round(sales_strategy, 4) as sales_strategy,
                           round(sales_management, 4) as sales_management,
                           round(customer_relationship, 4) as customer_relationship,
                           round(information_management, 4) as information_management, round(spread, 4) as spread,
                           profile_type as type, prev_wave, profile_type_prev_wave as prev_type,
                           strong_min_score as strong_min, champion_max_spread as max_spread
                    from kpi.survey_profile
                    order by wave, role"""),
            Map.entry("surveyGap", """
                    select wave, external_role as role, orientation, round(self_score, 4) as self_score,
                           self_answers, round(external_score, 4) as external_score, external_answers,
                           round(gap, 4) as gap, round(t_value, 4) as t, significant
                    from kpi.survey_gap
                    order by wave, role, orientation"""),
            Map.entry("summary", """
                    select source_records, golden_customers, duplicates_merged, rows_quarantined, files_loaded,
                           files_failed, customers_without_owner, last_load_at
                    from kpi.dq_summary"""));

    /**
     * Datasets shown only where their table exists: the run history (ops.step_run, written by the nightly job),
     * field completeness and main-channel changes (kpi.dq_completeness, kpi.channel_migration: beyond the KPI
     * contract), the channels each customer bought through (core.sales_line order lines) and the self-assessment
     * (kpi.survey_*, from warehouses migrated before it existed) may be absent.
     */
    private static final Map<String, String> OPTIONAL_TABLES = Map.of("steps", "ops.step_run",
            "completeness", "kpi.dq_completeness", "customerChannels", "core.sales_line",
            "migration", "kpi.channel_migration", "surveyScores", "kpi.survey_area_score",
            "surveyProfile", "kpi.survey_profile", "surveyGap", "kpi.survey_gap");

    private final Connection conn;
    private final Map<String, DataTable> cache = new HashMap<>();

    KpiQueries(Connection conn) {
        this.conn = conn;
    }

    DataTable get(String dataset) throws SQLException {
        DataTable table = cache.get(dataset);
        if (table == null) {
            String sql = SQL.get(dataset);
            if (sql == null) {
                throw new IllegalArgumentException("no dashboard dataset named '" + dataset + "'");
            }
            String optional = OPTIONAL_TABLES.get(dataset);
            table = optional != null && !exists(optional) ? DataTable.empty() : DataTable.query(conn, sql);
            cache.put(dataset, table);
        }
        return table;
    }

    private boolean exists(String qualifiedTable) throws SQLException {
        String[] parts = qualifiedTable.split("\\.");
        try (var tables = conn.getMetaData().getTables(null, parts[0], parts[1], null)) {
            return tables.next();
        }
    }
}
