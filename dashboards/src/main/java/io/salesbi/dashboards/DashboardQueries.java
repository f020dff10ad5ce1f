package io.salesbi.dashboards;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL the dashboard pages read from the kpi views, one query per dataset, public so that analysts can run the
 * very same queries through the JDBC endpoint and get the numbers the pages show.
 *
 * <p>The queries are portable: standard SQL that DuckDB and the JDBC endpoint (Calcite over DuckDB) both run, with
 * the same rows (DashboardQueriesThroughEndpointIT; the endpoint only cuts timestamps to milliseconds, and it does not
 * serve ops.step_run, which {@code steps} reads). So no DuckDB-only syntax such as {@code group by all},
 * {@code order by all}, {@code arg_max} or {@code date_diff}, no window functions (Calcite's JDBC adapter cannot hand
 * them down to DuckDB), and the column names that are reserved words in standard SQL ({@code year}, {@code month},
 * {@code rows}) are double-quoted.
 */
public final class DashboardQueries {

    private static final Map<String, String> ALL = new LinkedHashMap<>();

    /**
     * A customer's year once without a channel and once per channel it bought through that year (order lines):
     * the rows the customers page's filters select from, with the figures its lists rank by.
     */
    private static final String CUSTOMER_CELLS = """
            select cv.customer_id as id, cv."year", cv.sales_region as region, cv.industry as segment,
                   cast(null as varchar) as channel, cv.revenue_eur as revenue, cv.contribution_eur as contribution,
                   cv.cost_to_serve_eur as cost_to_serve, cv.abc_revenue, cv.abc_contribution, cv.value_segment,
                   cv.potential_segment
            from kpi.customer_value as cv
            union all
            select cv.customer_id, cv."year", cv.sales_region, cv.industry, bought.channel_code, cv.revenue_eur,
                   cv.contribution_eur, cv.cost_to_serve_eur, cv.abc_revenue, cv.abc_contribution, cv.value_segment,
                   cv.potential_segment
            from kpi.customer_value as cv
            join kpi.customer_channel as bought on bought.customer_id = cv.customer_id and bought."year" = cv."year"
            """;

    static {
        add("cube", """
                select "year", sales_region as region, industry as segment, channel_code as channel,
                       product_category as category,
                       cast(sum(net_revenue_eur) as decimal(18, 2)) as net,
                       cast(sum(list_revenue_eur) as decimal(18, 2)) as list,
                       cast(case when count(cost_of_goods_eur) = count(*) then sum(cost_of_goods_eur) end
                           as decimal(18, 2)) as cogs
                from kpi.sales_cube
                group by "year", sales_region, industry, channel_code, product_category
                order by "year", region, segment, channel, category, net, list, cogs""");
        add("market", """
                select industry as segment, region, "year", own_revenue_eur as own, market_volume_eur as volume,
                       round(share_change_pp, 4) as change_pp, largest_competitor as competitor,
                       round(largest_competitor_share, 4) as competitor_share,
                       round(relative_market_share, 4) as relative_share, white_space_eur as white_space
                from kpi.market_share
                order by "year", segment, region""");
        add("pnl", """
                select channel_code as channel, "year", net_revenue_eur as net, cost_of_goods_eur as cogs,
                       gross_margin_eur as gross_margin, direct_channel_cost_eur as direct_cost,
                       allocated_cost_eur as allocated_cost, contribution_margin_eur as contribution,
                       round(roi, 4) as roi
                from kpi.channel_pnl_year
                order by "year", channel""");
        add("channelNames", """
                select channel_code, any_value(channel_name_de) as name_de, any_value(channel_name_en) as name_en
                from (
                    select channel_code, channel_name_de, channel_name_en from kpi.channel_pnl_year
                    union all
                    select channel_code, channel_name_de, channel_name_en from kpi.price_realization
                ) as channels
                group by channel_code
                order by channel_code""");
        add("months", """
                select "year",
                       cast(min("month") filter (where net_revenue_eur > 0) as integer) as first_month,
                       cast(max("month") filter (where net_revenue_eur > 0) as integer) as last_month
                from kpi.channel_pnl
                group by "year"
                order by "year\"""");
        // a partial year (months with revenue as in "months") is compared with the same months of the year before:
        // those months' figures, in the shape of "cube" and "pnl", under the partial year's number
        add("cubePriorSpan", """
                with covered as (
                    select "year", min("month") filter (where net_revenue_eur > 0) as first_month,
                           max("month") filter (where net_revenue_eur > 0) as last_month
                    from kpi.channel_pnl
                    group by "year"
                )
                select c."year", f.sales_region as region, f.industry as segment, f.channel_code as channel,
                       f.product_category as category,
                       cast(sum(f.net_revenue_eur) as decimal(18, 2)) as net,
                       cast(sum(f.list_revenue_eur) as decimal(18, 2)) as list,
                       cast(case when count(f.cost_of_goods_eur) = count(*) then sum(f.cost_of_goods_eur) end
                           as decimal(18, 2)) as cogs
                from covered c
                join kpi.sales_cube_month f
                    on f."year" = c."year" - 1 and f."month" between c.first_month and c.last_month
                where c.first_month > 1 or c.last_month < 12
                group by c."year", f.sales_region, f.industry, f.channel_code, f.product_category
                order by "year", region, segment, channel, category, net, list, cogs""");
        add("pnlPriorSpan", """
                with covered as (
                    select "year", min("month") filter (where net_revenue_eur > 0) as first_month,
                           max("month") filter (where net_revenue_eur > 0) as last_month
                    from kpi.channel_pnl
                    group by "year"
                )
                select p.channel_code as channel, c."year",
                       cast(sum(p.net_revenue_eur) as decimal(18, 2)) as net,
                       cast(case when count(p.contribution_margin_eur) = count(*) then sum(p.contribution_margin_eur)
                           end as decimal(18, 2)) as contribution
                from covered c
                join kpi.channel_pnl p on p."year" = c."year" - 1 and p."month" between c.first_month and c.last_month
                where c.first_month > 1 or c.last_month < 12
                group by p.channel_code, c."year"
                order by "year", channel""");
        // the overview's cube: "cube" without the product group, which the overview does not split by (a tenth of
        // the rows at scale 1); the cost of goods is null as soon as one product group's is
        add("cubeByChannel", """
                select "year", sales_region as region, industry as segment, channel_code as channel,
                       cast(sum(net_revenue_eur) as decimal(18, 2)) as net,
                       cast(sum(list_revenue_eur) as decimal(18, 2)) as list,
                       cast(case when count(cost_of_goods_eur) = count(*) then sum(cost_of_goods_eur) end
                           as decimal(18, 2)) as cogs
                from kpi.sales_cube
                group by "year", sales_region, industry, channel_code
                order by "year", region, segment, channel, net, list, cogs""");
        // the period filter (year to date, rolling 12 months, quarter, month against the same span a year earlier):
        // "cube" and "pnl" by month, without the product group (the pages that offer the filter do not split by it);
        // ordered by region, segment and channel joined, because the JDBC endpoint folds a regional manager's
        // region into the coalesce and would hand DuckDB an order by a constant ('Nord'), which DuckDB refuses
        add("cubeMonth", """
                select "year", "month", sales_region as region, industry as segment, channel_code as channel,
                       cast(sum(net_revenue_eur) as decimal(18, 2)) as net,
                       cast(sum(list_revenue_eur) as decimal(18, 2)) as list,
                       cast(case when count(cost_of_goods_eur) = count(*) then sum(cost_of_goods_eur) end
                           as decimal(18, 2)) as cogs
                from kpi.sales_cube_month
                group by "year", "month", sales_region, industry, channel_code
                order by "year", "month", sales_region || '|' || industry || '|' || coalesce(channel_code, '')""");
        // the market page's own revenue in the period: segment and region only, so the page stays small
        add("revenueMonth", """
                select "year", "month", sales_region as region, industry as segment,
                       cast(sum(net_revenue_eur) as decimal(18, 2)) as net
                from kpi.sales_cube_month
                group by "year", "month", sales_region, industry
                order by "year", "month", sales_region || '|' || industry""");
        add("pnlMonth", """
                select channel_code as channel, "year", "month", net_revenue_eur as net, cost_of_goods_eur as cogs,
                       gross_margin_eur as gross_margin, direct_channel_cost_eur as direct_cost,
                       allocated_cost_eur as allocated_cost, contribution_margin_eur as contribution
                from kpi.channel_pnl
                order by "year", "month", channel""");
        // plan against actual per month, channel and region (product groups added up); plan_to_date and actual are
        // null for months after the as-of date, the contribution plan to date is actual minus its variance
        add("plan", """
                select "year", "month", channel_code as channel, region,
                       cast(sum(revenue_plan_eur) as decimal(18, 2)) as plan,
                       cast(sum(revenue_plan_to_date_eur) as decimal(18, 2)) as plan_to_date,
                       cast(sum(revenue_actual_eur) as decimal(18, 2)) as actual,
                       cast(case when count(contribution_variance_eur) = count(*)
                           then sum(contribution_actual_eur - contribution_variance_eur) end as decimal(18, 2))
                           as contribution_plan_to_date,
                       cast(case when count(contribution_actual_eur) = count(*) then sum(contribution_actual_eur) end
                           as decimal(18, 2)) as contribution_actual
                from kpi.plan_vs_actual
                group by "year", "month", channel_code, region
                order by "year", "month", channel, region""");
        add("mix", """
                select "year", channels_used, customers
                from kpi.channel_mix
                order by "year", channels_used""");
        add("customerFlow", """
                with active as (
                    select customer_id, "year", sales_region, industry
                    from kpi.customer_value
                    where revenue_eur > 0
                ),
                current_year as (
                    select a."year", a.sales_region as region, a.industry as segment,
                           count(*) as active, count(*) filter (where p.customer_id is null) as gained
                    from active a
                    left join active p on p.customer_id = a.customer_id and p."year" = a."year" - 1
                    group by a."year", a.sales_region, a.industry
                ),
                lost as (
                    select p."year" + 1 as "year", p.sales_region as region, p.industry as segment,
                           count(*) as lost
                    from active p
                    left join active a on a.customer_id = p.customer_id and a."year" = p."year" + 1
                    where a.customer_id is null and p."year" < (select max("year") from active)
                    group by p."year" + 1, p.sales_region, p.industry
                )
                select coalesce(c."year", l."year") as "year", coalesce(c.region, l.region) as region,
                       coalesce(c.segment, l.segment) as segment, coalesce(c.active, 0) as active,
                       coalesce(c.gained, 0) as gained, coalesce(l.lost, 0) as lost
                from current_year c
                full join lost l on l."year" = c."year" and l.region is not distinct from c.region
                    and l.segment is not distinct from c.segment
                order by 1, 2, 3, 4, 5, 6""");
        add("migration", """
                select "year", previous_main_channel as from_channel, main_channel as to_channel,
                       count(*) as customers
                from kpi.channel_migration
                group by "year", previous_main_channel, main_channel
                order by "year", from_channel, to_channel, customers""");
        add("valueMatrix", """
                select "year", sales_region as region, industry as segment, value_segment, potential_segment,
                       count(*) as customers, cast(sum(revenue_eur) as decimal(18, 2)) as revenue
                from kpi.customer_value
                group by "year", sales_region, industry, value_segment, potential_segment
                order by "year", region, segment, value_segment, potential_segment, customers, revenue""");
        // the customers page's lists and the customer page carry only the customers a list can show (see
        // CustomerShortlist): in each cell, the finest combination of the page's filters (year, region, segment, the
        // channel bought through or none), the first CustomerShortlist.LIST_SIZE by revenue, by contribution, by cost
        // to serve among those A by revenue and C by contribution, and by peer share among cross-sell gaps (rounded
        // as the page shows it); ties to the smaller id, no value last; with the number of customers in all cells
        // (window functions in sub-queries: the JDBC endpoint's parser knows no QUALIFY)
        add("customerShortlist", """
                with cells as (%1$s),
                ranked as (
                    select id,
                           row_number() over (partition by "year", region, segment, channel
                               order by revenue desc nulls last, id) as by_revenue,
                           row_number() over (partition by "year", region, segment, channel
                               order by contribution desc nulls last, id) as by_contribution
                    from cells
                ),
                costly as (
                    select id,
                           row_number() over (partition by "year", region, segment, channel
                               order by cost_to_serve desc nulls last, id) as by_cost_to_serve
                    from cells
                    where abc_revenue = 'A' and abc_contribution = 'C'
                ),
                gaps as (
                    select cells.id,
                           row_number() over (partition by cells."year", cells.region, cells.segment, cells.channel
                               order by round(gap.peer_buyer_share, 3) desc nulls last, cells.id) as by_peer_share
                    from cells
                    join kpi.cross_sell_gap as gap on gap.customer_id = cells.id
                ),
                listed as (
                    select id from ranked where by_revenue <= %2$d or by_contribution <= %2$d
                    union
                    select id from costly where by_cost_to_serve <= %2$d
                    union
                    select id from gaps where by_peer_share <= %2$d
                )
                select id, (select count(distinct id) from cells) as customers
                from listed
                order by id""".formatted(CUSTOMER_CELLS, CustomerShortlist.LIST_SIZE));
        // what the customers page counts over all customers, not only the listed ones: its two matrices and the
        // totals behind "n more in the warehouse"
        add("customerCounts", """
                select cells."year", cells.region, cells.segment, cells.channel, cells.value_segment,
                       cells.potential_segment, cells.abc_revenue, cells.abc_contribution,
                       count(*) as customers, sum(coalesce(gaps.gaps, 0)) as gaps
                from (%s) as cells
                left join (
                    select customer_id, count(*) as gaps from kpi.cross_sell_gap group by customer_id
                ) as gaps on gaps.customer_id = cells.id
                group by cells."year", cells.region, cells.segment, cells.channel, cells.value_segment,
                         cells.potential_segment, cells.abc_revenue, cells.abc_contribution
                order by "year", region, segment, channel nulls first, value_segment, potential_segment,
                         abc_revenue, abc_contribution""".formatted(CUSTOMER_CELLS));
        add("customers", """
                select customer_id as id, company_name as name, industry as segment, sales_region as region, "year",
                       revenue_eur as revenue, cost_to_serve_eur as cost_to_serve, contribution_eur as contribution,
                       abc_revenue, abc_contribution, round(share_of_wallet, 4) as share_of_wallet,
                       last_order_date, value_segment, potential_segment, service_model,
                       case when wallet_below_revenue = true then wallet_estimate_eur end as wallet_estimate_below
                from kpi.customer_value
                order by id, "year"
                """);
        add("customerChannels", """
                select customer_id as id, "year", channel_code as channel
                from kpi.customer_channel
                order by id, "year", channel""");
        // the customer page: a customer's figures by year (the columns it shows: it inlines every customer), the
        // records each golden customer was formed from, its contacts per buying-center role
        // and its CRM touchpoints per year and journey phase
        add("customerYears", """
                select customer_id as id, company_name as name, industry as segment, sales_region as region, "year",
                       revenue_eur as revenue, cost_to_serve_eur as cost_to_serve, contribution_eur as contribution,
                       abc_revenue, wallet_eur as wallet, round(share_of_wallet, 4) as share_of_wallet,
                       last_order_date
                from kpi.customer_value
                order by id, "year"
                """);
        add("customerSources", """
                select customer_id as id, source_system as src, source_key as src_key, company_name as name,
                       postcode, city, round(match_probability, 3) as probability
                from kpi.customer_sources
                order by id, src, src_key""");
        add("customerContacts", """
                select customer_id as id, buying_center_role as role, count(*) as contacts
                from core.dim_contact
                where customer_id is not null
                group by customer_id, buying_center_role
                order by id, role""");
        add("customerTouch", """
                select customer_id as id, "year", journey_phase as phase, count(*) as touchpoints
                from core.fact_touchpoint
                where customer_id is not null
                group by customer_id, "year", journey_phase
                order by id, "year", phase""");
        add("crossSell", """
                select customer_id as id, product_category as category, round(peer_buyer_share, 3) as peer_share
                from kpi.cross_sell_gap
                order by peer_share desc nulls last, id, category""");
        // segment and region of the customer's latest year that has one (what DuckDB's arg_max would give); no
        // window functions, which Calcite's JDBC adapter cannot hand down to DuckDB; one row per customer and year
        add("buyingCenter", """
                with latest as (
                    select customer_id,
                           max(case when industry is not null then "year" end) as segment_year,
                           max(case when sales_region is not null then "year" end) as region_year
                    from kpi.customer_value
                    group by customer_id
                ),
                dims as (
                    select l.customer_id,
                           max(case when v."year" = l.segment_year then v.industry end) as segment,
                           max(case when v."year" = l.region_year then v.sales_region end) as region
                    from latest l
                    join kpi.customer_value v on v.customer_id = l.customer_id
                    group by l.customer_id
                )
                select b.customer_id as id, b.company_name as name, d.segment, d.region, b.role,
                       b.contacts, b.last_touchpoint_date as last_touch
                from kpi.buying_center b
                left join dims d on d.customer_id = b.customer_id
                order by b.company_name, b.customer_id, b.role""");
        add("touchpoints", """
                select "year", journey_phase as phase, channel, touchpoints
                from kpi.touchpoints
                order by "year", phase, channel, touchpoints""");
        add("quarantine", """
                select source, stage, rule, "rows"
                from kpi.dq_quarantine
                order by "rows" desc nulls last, source, stage, rule""");
        add("fileLoads", """
                select source, file_name, status, rows_delivered, rows_loaded, rows_rejected, reason_code,
                       message, finished_at
                from kpi.dq_file_load
                order by finished_at desc nulls last, source, file_name""");
        add("steps", """
                select step_name, status, rows_read, rows_written, rows_rejected, started_at,
                       cast(floor(extract(epoch from finished_at)) - floor(extract(epoch from started_at)) as bigint)
                           as seconds,
                       message
                from ops.step_run
                where run_id = (select max(run_id) from ops.step_run)
                order by started_at, step_name""");
        add("completeness", """
                select source_system as source, field, round(completeness, 4) as completeness
                from kpi.dq_completeness
                order by field, source""");
        // customer-years whose wallet estimate is below the revenue: the wallet was raised to the revenue (share of
        // wallet 100 %), a data issue the data-quality page counts
        add("walletCheck", """
                select count(*) as wallets_below_revenue
                from kpi.customer_value
                where wallet_below_revenue = true""");
        add("surveyScores", """
                select wave, respondent_role as role, area, respondents, answers, round(score, 4) as score,
                       round(score_change, 4) as change
                from kpi.survey_area_score
                order by wave, role, area""");
        add("surveyProfile", """
                select wave, respondent_role as role, round(sales_strategy, 4) as sales_strategy,
                       round(sales_management, 4) as sales_management,
                       round(customer_relationship, 4) as customer_relationship,
                       round(information_management, 4) as information_management, round(spread, 4) as spread,
                       profile_type as type, prev_wave, profile_type_prev_wave as prev_type,
                       strong_min_score as strong_min, champion_max_spread as max_spread
                from kpi.survey_profile
                order by wave, role""");
        add("surveyGap", """
                select wave, external_role as role, orientation, round(self_score, 4) as self_score,
                       self_answers, round(external_score, 4) as external_score, external_answers,
                       round(gap, 4) as gap, round(t_value, 4) as t, significant
                from kpi.survey_gap
                order by wave, role, orientation""");
        // the Standortbestimmung's 2x2: self-image against the external image per area and orientation
        add("surveyPosition", """
                select wave, external_role as role, dimension_kind as kind, dimension,
                       round(self_score, 4) as self_score, round(external_score, 4) as external_score,
                       round(gap, 4) as gap, strong_min_score as strong_min, quadrant
                from kpi.survey_position
                order by wave, role, kind, dimension""");
        add("summary", """
                select source_records, golden_customers, duplicates_merged, rows_quarantined, files_loaded,
                       files_failed, customers_without_owner, last_load_at, newest_file_date
                from kpi.dq_summary""");
        // the sales pipeline (kpi.pipeline_*): open pipeline, funnel, win rates, return per channel, coverage of the
        // plan, stalled deals and potential nobody works
        add("pipelineOpen", """
                select stage, stage_order, channel_code as channel, sales_region as region, opportunity_owner as rep,
                       product_group as category, expected_close_month as close_month, opportunities,
                       amount_eur as amount, weighted_amount_eur as weighted
                from kpi.pipeline_open
                order by stage_order, close_month, channel, region, rep, category""");
        add("pipelineFunnel", """
                select channel_code as channel, stage, stage_order, status, reached, moved_on, visits,
                       round(avg_days_in_stage, 2) as avg_days, open_now, stalled_now
                from kpi.pipeline_funnel
                order by stage_order, channel""");
        add("pipelineWinRate", """
                select channel_code as channel, lead_source, close_year as "year", won_deals, lost_deals,
                       won_amount_eur as won_amount, lost_amount_eur as lost_amount,
                       round(avg_cycle_days, 2) as avg_cycle_days
                from kpi.pipeline_win_rate
                order by "year", channel, lead_source""");
        add("pipelineReturn", """
                select channel_code as channel, lead_source, close_year as "year", closed_deals, won_deals,
                       won_revenue_eur as won_revenue, offer_margin_eur as offer_margin,
                       cost_to_serve_eur as cost_to_serve, contribution_eur as contribution
                from kpi.pipeline_channel_return
                order by "year", channel, lead_source""");
        add("pipelineCoverage", """
                select plan_month, channel_code as channel, sales_region as region, revenue_plan_eur as plan,
                       booked_revenue_eur as booked, open_plan_eur as open_plan, weighted_pipeline_eur as weighted
                from kpi.pipeline_coverage
                order by plan_month, channel, region""");
        add("pipelineStalled", """
                select opportunity_id as id, company_name as name, account_id, sales_region as region,
                       channel_code as channel, opportunity_owner as rep, stage, amount_eur as amount,
                       weighted_amount_eur as weighted, expected_close_date as close_date, last_stage_change,
                       days_in_stage
                from kpi.pipeline_stalled
                order by days_in_stage desc, id""");
        add("pipelineUnworked", """
                select customer_id as id, company_name as name, industry as segment, sales_region as region,
                       wallet_eur as wallet, revenue_eur as revenue, open_wallet_eur as open_wallet,
                       cross_sell_gaps, last_touchpoint_date as last_touch, last_opportunity_date as last_opportunity
                from kpi.pipeline_unworked_potential
                order by open_wallet desc, id""");
    }

    private DashboardQueries() {}

    /** Dataset name to SQL, in a stable order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(ALL);
    }

    private static void add(String dataset, String sql) {
        ALL.put(dataset, sql);
    }
}
