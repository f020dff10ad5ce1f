-- kpi.pipeline_open
-- What: the open sales pipeline (offene Pipeline) by stage, weighted by probability: what is in play, where, with
--   whom, and when it should close.
-- One row: stage × channel × region × rep × product group × expected close month with open opportunities.
-- Key: stage, channel_code, sales_region, opportunity_owner, product_group, expected_close_month.
-- Formula: opportunities = open opportunities (current stage with status open in ref.opportunity_stage);
--   amount_eur = their amounts; weighted_amount_eur = sum of amount × the stage's default probability, each
--   rounded to the cent.
-- Sources: core.opportunity (current state of the CRM's opportunities), ref.opportunity_stage.
-- Caveats: sales_region is the region of the opportunity's golden customer, null while its CRM account matches no
--   golden customer (counted on kpi.dq_opportunity); an opportunity in a stage the vocabulary does not know is not
--   counted as open; an expected close month before the as-of month is overdue and shown as delivered.
-- Policy: region(sales_region)
create or replace view kpi.pipeline_open as
select
    stage,
    stage_order,
    channel_code,
    sales_region,
    opportunity_owner,
    product_group,
    cast(date_trunc('month', expected_close_date) as date) as expected_close_month,
    cast(count(*) as bigint) as opportunities,
    cast(sum(amount_eur) as decimal(18, 2)) as amount_eur,
    cast(sum(round(amount_eur * probability, 2)) as decimal(18, 2)) as weighted_amount_eur
from core.opportunity
where status = 'open'
group by all;

-- kpi.pipeline_win_rate
-- What: how often and how big each channel and lead source wins, and how long winning takes (Abschlussquote).
-- One row: channel × lead source × year of the close, with closed opportunities.
-- Key: channel_code, lead_source, close_year.
-- Formula: won_deals / lost_deals = opportunities whose current stage is won / lost, by the year of their closed
--   date; win_rate_count = won / (won + lost); win_rate_value = won amount / (won + lost amount);
--   avg_deal_size_eur = won amount / won deals; avg_cycle_days = mean days from created to closed date of the won
--   deals.
-- Sources: core.opportunity.
-- Caveats: a reopened deal counts once, as it stands now; open deals do not count; the amounts are the last ones
--   (an amount changed during the deal counts at its final value).
-- Policy: aggregate
create or replace view kpi.pipeline_win_rate as
select
    channel_code,
    lead_source,
    cast(year(closed_date) as integer) as close_year,
    cast(count(*) filter (where status = 'won') as bigint) as won_deals,
    cast(count(*) filter (where status = 'lost') as bigint) as lost_deals,
    cast(coalesce(sum(amount_eur) filter (where status = 'won'), 0) as decimal(18, 2)) as won_amount_eur,
    cast(coalesce(sum(amount_eur) filter (where status = 'lost'), 0) as decimal(18, 2)) as lost_amount_eur,
    cast(count(*) filter (where status = 'won') as double) / count(*) as win_rate_count,
    cast(coalesce(sum(amount_eur) filter (where status = 'won'), 0) as double)
        / nullif(cast(sum(amount_eur) as double), 0) as win_rate_value,
    cast(cast(sum(amount_eur) filter (where status = 'won') as double)
        / nullif(count(*) filter (where status = 'won'), 0) as decimal(18, 2)) as avg_deal_size_eur,
    avg(ops.datediff(closed_date, created_date)) filter (where status = 'won') as avg_cycle_days
from core.opportunity
where status in ('won', 'lost')
group by all;

-- kpi.pipeline_funnel
-- What: the funnel: how many opportunities reach each stage, how many move on, and how long they stay (Verweildauer).
-- One row: channel × stage any opportunity of the channel reached.
-- Key: channel_code, stage.
-- Formula: a stage visit is a run of consecutive versions of core.opportunity_history in one stage; reached =
--   opportunities with a visit; moved_on = those with a later visit to a stage of higher order that is open or
--   won (for an open stage); conversion_rate = moved_on / reached; visits = stage visits (a deal moving backwards
--   visits a stage again); avg_days_in_stage = mean days per visit of an open stage, from its first day to the
--   first day of the next visit, or to the as-of date for a visit still going on; open_now = open deals in the
--   stage now; stalled_now = those whose stage has not changed for pipeline_stalled_days days or more;
--   journey_phase = the phase of the customer journey the stage belongs to (ref.opportunity_stage).
-- Sources: core.opportunity_history, core.opportunity, ref.opportunity_stage, ops.parameter.
-- Caveats: stages unknown to the vocabulary are left out; moved_on, conversion_rate and the days are null for won
--   and lost stages; a reopened deal counts as reaching the stage it is reopened in.
-- Policy: aggregate
create or replace view kpi.pipeline_funnel as
with version as (
    select h.opportunity_id, o.channel_code, h.valid_from, h.valid_to, h.stage, h.stage_order as sort_order, h.status,
        s.journey_phase,
        case when h.stage is distinct from lag(h.stage) over (partition by h.opportunity_id order by h.valid_from)
            then 1 else 0 end as starts_visit
    from core.opportunity_history h
    join core.opportunity o using (opportunity_id)
    join ref.opportunity_stage s on s.stage = h.stage
    where h.stage_order is not null
),
numbered as (
    select *, sum(starts_visit) over (partition by opportunity_id order by valid_from) as visit_no
    from version
),
visit as (
    select opportunity_id, channel_code, visit_no, any_value(stage) as stage, any_value(sort_order) as sort_order,
        any_value(status) as status, any_value(journey_phase) as journey_phase, min(valid_from) as started,
        max(valid_to) as ended
    from numbered
    group by opportunity_id, channel_code, visit_no
),
measured as (
    select v.*,
        case when v.status <> 'open' then null
            when v.ended = date '9999-12-31' then ops.datediff(ops.as_of_date(), v.started)
            else ops.datediff(v.ended + 1, v.started) end as days,
        v.status = 'open' and v.ended = date '9999-12-31' as is_now,
        exists (select 1 from visit n where n.opportunity_id = v.opportunity_id and n.visit_no > v.visit_no
                and n.sort_order > v.sort_order and n.status in ('open', 'won')) as moved_on
    from visit v
)
select
    channel_code,
    stage,
    any_value(sort_order) as stage_order,
    any_value(status) as status,
    any_value(journey_phase) as journey_phase,
    cast(count(distinct opportunity_id) as bigint) as reached,
    case when any_value(status) = 'open'
        then cast(count(distinct opportunity_id) filter (where moved_on) as bigint) end as moved_on,
    case when any_value(status) = 'open'
        then cast(count(distinct opportunity_id) filter (where moved_on) as double) / count(distinct opportunity_id)
        end as conversion_rate,
    cast(count(*) as bigint) as visits,
    avg(days) as avg_days_in_stage,
    cast(count(*) filter (where is_now) as bigint) as open_now,
    cast(count(*) filter (where is_now and days >= ops.param_double('pipeline_stalled_days')) as bigint)
        as stalled_now
from measured
group by channel_code, stage;

-- kpi.pipeline_stalled
-- What: the stalled deals to chase in the pipeline review: open opportunities whose stage has not moved for long.
-- One row: open opportunity whose stage has not changed for pipeline_stalled_days days or more.
-- Key: opportunity_id.
-- Formula: days_in_stage = as-of date - the day the current stage began (last_stage_change; an amount or date
--   change does not reset it); weighted_amount_eur = amount × the stage's default probability.
-- Sources: core.opportunity, core.customer_golden (company name), ref.opportunity_stage, ops.parameter.
-- Caveats: customer_id, company_name and sales_region are null while the CRM account matches no golden customer.
-- Policy: customer(customer_id)
create or replace view kpi.pipeline_stalled as
select
    o.opportunity_id,
    o.customer_id,
    g.company_name,
    o.account_id,
    o.sales_region,
    o.channel_code,
    o.opportunity_owner,
    o.stage,
    o.amount_eur,
    cast(round(o.amount_eur * o.probability, 2) as decimal(18, 2)) as weighted_amount_eur,
    o.expected_close_date,
    o.last_stage_change,
    cast(ops.datediff(ops.as_of_date(), o.last_stage_change) as integer) as days_in_stage
from core.opportunity o
left join core.customer_golden g on g.customer_id = o.customer_id
where o.status = 'open'
    and ops.datediff(ops.as_of_date(), o.last_stage_change) >= ops.param_double('pipeline_stalled_days');

-- kpi.pipeline_coverage
-- What: does the open pipeline cover the plan (Pipeline-Abdeckung)? The weighted pipeline of the coming months
--   against the plan minus the revenue already booked.
-- One row: month of the horizon × channel × region with a plan or a weighted pipeline.
-- Key: plan_month, channel_code, sales_region.
-- Formula: horizon = the as-of month and the next months, pipeline_coverage_months in all; revenue_plan_eur =
--   core.sales_plan (all product groups); booked_revenue_eur = net revenue (order lines minus credit notes) of the
--   month up to the as-of date; open_plan_eur = plan - booked, at least 0; weighted_pipeline_eur = open
--   opportunities' amount × probability by expected close month (an overdue one counts in the as-of month);
--   coverage = weighted pipeline / open plan.
-- Sources: core.sales_plan (plan_month, channel as channel code, region), core.sales_fact, core.opportunity.
-- Caveats: coverage is null when the plan is met or there is none; opportunities and revenue of customers without
--   region have sales_region null.
-- Policy: region(sales_region)
create or replace view kpi.pipeline_coverage as
with horizon as (
    select cast(date_trunc('month', ops.as_of_date()) as date) as first_month,
        cast(date_trunc('month', ops.as_of_date())
            + to_months(cast(ops.param_double('pipeline_coverage_months') as integer)) as date) as end_month,
        ops.as_of_date() as as_of
),
plan as (
    select p.plan_month, p.channel as channel_code, p.region as sales_region, sum(p.revenue_plan) as revenue_plan_eur
    from core.sales_plan p, horizon h
    where p.plan_month >= h.first_month and p.plan_month < h.end_month
    group by all
),
booked as (
    select cast(make_date(s.year, s.month, 1) as date) as plan_month, s.channel_code, s.sales_region,
        sum(s.net_amount_eur) as booked_revenue_eur
    from core.sales_fact s, horizon h
    where s.line_date >= h.first_month and s.line_date <= h.as_of
    group by all
),
pipeline as (
    select greatest(cast(date_trunc('month', o.expected_close_date) as date), h.first_month) as plan_month,
        o.channel_code, o.sales_region, sum(round(o.amount_eur * o.probability, 2)) as weighted_pipeline_eur
    from core.opportunity o, horizon h
    where o.status = 'open' and o.expected_close_date < h.end_month
    group by all
),
grid as (
    select plan_month, channel_code, sales_region from plan
    union
    select plan_month, channel_code, sales_region from pipeline
)
select
    g.plan_month,
    g.channel_code,
    g.sales_region,
    cast(coalesce(p.revenue_plan_eur, 0) as decimal(18, 2)) as revenue_plan_eur,
    cast(coalesce(b.booked_revenue_eur, 0) as decimal(18, 2)) as booked_revenue_eur,
    cast(greatest(coalesce(p.revenue_plan_eur, 0) - coalesce(b.booked_revenue_eur, 0), 0) as decimal(18, 2))
        as open_plan_eur,
    cast(coalesce(w.weighted_pipeline_eur, 0) as decimal(18, 2)) as weighted_pipeline_eur,
    cast(coalesce(w.weighted_pipeline_eur, 0) as double)
        / nullif(cast(greatest(coalesce(p.revenue_plan_eur, 0) - coalesce(b.booked_revenue_eur, 0), 0) as double), 0)
        as coverage
from grid g
-- a channel or region may be null (an unmatched customer): the keys join null to null
left join plan p on p.plan_month = g.plan_month and p.channel_code is not distinct from g.channel_code
    and p.sales_region is not distinct from g.sales_region
left join booked b on b.plan_month = g.plan_month and b.channel_code is not distinct from g.channel_code
    and b.sales_region is not distinct from g.sales_region
left join pipeline w on w.plan_month = g.plan_month and w.channel_code is not distinct from g.channel_code
    and w.sales_region is not distinct from g.sales_region;

-- kpi.pipeline_channel_return
-- What: the return on each channel's acquisition effort: lead source -> won revenue -> contribution after cost to
--   serve. Which channel brings leads that turn into profitable orders?
-- One row: channel × lead source × year of the close, with closed opportunities.
-- Key: channel_code, lead_source, close_year.
-- Formula: won_revenue_eur = amounts of the won deals; offer_margin_eur = sum of won amount × the deal's offer
--   margin (Margin %, the calculated Deckungsbeitrag I of the offer), each rounded to the cent; channel_cost_rate =
--   the channel's direct and allocated costs / its net revenue in the year (kpi.channel_pnl); cost_to_serve_eur =
--   won revenue × channel cost rate, rounded to the cent; contribution_eur = offer margin - cost to serve;
--   contribution_ratio = contribution / won revenue.
-- Sources: core.opportunity, kpi.channel_pnl.
-- Caveats: offer margin and contribution are null when a won deal has no margin; cost to serve is null for a
--   channel without revenue in the year (no rate).
-- Policy: aggregate
create or replace view kpi.pipeline_channel_return as
with rate as (
    -- the allocated cost is rounded to the cent: summed as decimals, the rate is the same whatever order the
    -- months are added in
    select channel_code, year,
        cast(sum(cast(direct_channel_cost_eur + allocated_cost_eur as decimal(18, 2))) as double)
            / nullif(cast(sum(cast(net_revenue_eur as decimal(18, 2))) as double), 0) as channel_cost_rate
    from kpi.channel_pnl
    group by all
),
closed as (
    select channel_code, lead_source, cast(year(closed_date) as integer) as close_year,
        cast(count(*) as bigint) as closed_deals,
        cast(count(*) filter (where status = 'won') as bigint) as won_deals,
        coalesce(sum(amount_eur) filter (where status = 'won'), 0) as won_revenue_eur,
        case when count(*) filter (where status = 'won' and margin_pct is null) = 0
            then coalesce(sum(cast(round(amount_eur * margin_pct / 100, 2) as decimal(18, 2))) filter (where status = 'won'), 0)
            end as offer_margin_eur
    from core.opportunity
    where status in ('won', 'lost')
    group by all
),
costed as (
    select c.*, r.channel_cost_rate,
        round(c.won_revenue_eur * r.channel_cost_rate, 2) as cost_to_serve_eur
    from closed c
    left join rate r on r.channel_code = c.channel_code and r.year = c.close_year
)
select
    channel_code,
    lead_source,
    close_year,
    closed_deals,
    won_deals,
    cast(won_deals as double) / closed_deals as win_rate_count,
    cast(won_revenue_eur as decimal(18, 2)) as won_revenue_eur,
    cast(offer_margin_eur as decimal(18, 2)) as offer_margin_eur,
    channel_cost_rate,
    cast(cost_to_serve_eur as decimal(18, 2)) as cost_to_serve_eur,
    cast(offer_margin_eur - cost_to_serve_eur as decimal(18, 2)) as contribution_eur,
    cast(offer_margin_eur - cost_to_serve_eur as double) / nullif(cast(won_revenue_eur as double), 0)
        as contribution_ratio
from costed;

-- kpi.pipeline_unworked_potential
-- What: potential nobody works: customers with high potential and no open opportunity and no touchpoint lately.
-- One row: golden customer with high potential in the as-of year and neither an open opportunity nor a touchpoint
--   in the last pipeline_unworked_months months.
-- Key: customer_id.
-- Formula: high potential = potential_segment high in kpi.customer_value for the as-of year (open wallet = wallet
--   - revenue >= potential_high_min_open_wallet_eur; the wallet is the reps' estimate where there is one, else
--   the market study's); open_wallet_eur = wallet - revenue; cross_sell_gaps = categories of kpi.cross_sell_gap;
--   last_touchpoint_date / last_opportunity_date = the customer's newest CRM activity / opportunity creation.
-- Sources: kpi.customer_value, kpi.cross_sell_gap, core.opportunity, core.fact_touchpoint, ops.parameter.
-- Caveats: customers without a CRM account have no touchpoints or opportunities and appear whenever their potential
--   is high.
-- Policy: customer(customer_id)
create or replace view kpi.pipeline_unworked_potential as
with setting as (
    select ops.as_of_date() as as_of,
        cast(ops.as_of_date() - to_months(cast(ops.param_double('pipeline_unworked_months') as integer)) as date)
            as worked_after
),
touched as (
    select customer_id, max(activity_date) as last_touchpoint_date
    from core.fact_touchpoint, setting
    where customer_id is not null and activity_date <= as_of
    group by customer_id
),
pursued as (
    select customer_id, max(created_date) as last_opportunity_date,
        count(*) filter (where status = 'open') as open_opportunities
    from core.opportunity
    where customer_id is not null
    group by customer_id
),
gaps as (
    select customer_id, count(*) as cross_sell_gaps from kpi.cross_sell_gap group by customer_id
)
select
    v.customer_id,
    v.company_name,
    v.industry,
    v.sales_region,
    v.wallet_eur,
    v.revenue_eur,
    cast(v.wallet_eur - v.revenue_eur as decimal(18, 2)) as open_wallet_eur,
    v.wallet_estimate_eur,
    cast(coalesce(g.cross_sell_gaps, 0) as bigint) as cross_sell_gaps,
    t.last_touchpoint_date,
    p.last_opportunity_date
from kpi.customer_value v
cross join setting s
left join touched t on t.customer_id = v.customer_id
left join pursued p on p.customer_id = v.customer_id
left join gaps g on g.customer_id = v.customer_id
where v.year = year(s.as_of)
    and v.potential_segment = 'high'
    and coalesce(p.open_opportunities, 0) = 0
    and (t.last_touchpoint_date is null or t.last_touchpoint_date <= s.worked_after);

-- kpi.dq_opportunity
-- What: how well the CRM's opportunities connect: to golden customers, to the stage vocabulary, to channels and to
--   ERP orders.
-- One row: the warehouse (exactly one row).
-- Key: none.
-- Formula: opportunities = core.opportunity rows; unlinked = without golden customer (CRM account not matched);
--   unknown_stage = current stage not in ref.opportunity_stage; unknown_channel = no channel of core.dim_channel;
--   won_without_order_ref = won deals naming no ERP order; won_order_not_found = won deals naming an ERP order the
--   order lines do not have; overdue_open = open deals expected to close before the as-of date;
--   from_snapshots = opportunities whose history is derived from nightly snapshots (no stage-history export).
-- Sources: core.opportunity.
-- Caveats: none.
-- Policy: aggregate
create or replace view kpi.dq_opportunity as
select
    cast(count(*) as bigint) as opportunities,
    cast(count(*) filter (where customer_id is null) as bigint) as unlinked,
    cast(count(*) filter (where status is null) as bigint) as unknown_stage,
    cast(count(*) filter (where channel_code is null) as bigint) as unknown_channel,
    cast(count(*) filter (where status = 'won' and erp_order_no is null) as bigint) as won_without_order_ref,
    cast(count(*) filter (where status = 'won' and erp_order_no is not null and not erp_order_found) as bigint)
        as won_order_not_found,
    cast(count(*) filter (where status = 'open' and expected_close_date < ops.as_of_date()) as bigint)
        as overdue_open,
    cast(count(*) filter (where history_source = 'snapshots') as bigint) as from_snapshots
from core.opportunity;
