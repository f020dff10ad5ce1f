-- kpi.plan_vs_actual
-- What: do the sales channels meet their plan (Erfüllen die Vertriebskanäle ihre Absatzerwartungen?): plan against
--   actual revenue and contribution per channel, sales region and month, year to date and a run-rate forecast.
-- One row: month × channel × sales region × product group of the sales plan (product_group null = all groups).
-- Key: channel_code, region, product_group, plan_month.
-- Formula: revenue_actual_eur = net revenue (order lines minus credit notes, EUR) of the channel's lines whose
--   customer is in the region on the line's date, in the month (and the product group, when the plan row names one);
--   contribution_actual_eur = Deckungsbeitrag I (contribution before cost to serve) = net revenue - cost of goods;
--   revenue_plan_to_date_eur = the month's planned revenue, pro rata by day for the month holding the as-of date
--   (plan × day of as-of / days in month), 0 for months after it; revenue_variance_eur = actual - plan to date,
--   revenue_variance_pct = variance / plan to date; ytd_* = January up to this month of the same year (plan to
--   date, actual); year_revenue_plan_eur = the plan of the whole year; forecast_revenue_eur (run-rate forecast,
--   Hochrechnung) = year plan × ytd actual / ytd plan to date, i.e. the rest of the year at the achievement so far
--   and the plan's seasonality; forecast_variance_eur = forecast - year plan.
-- Sources: core.sales_plan (controlling's plan workbook), kpi.sales_cube_month and, for the month holding the as-of
--   date, core.sales_fact (order lines and credit notes with the customer's region), core.dim_channel, ops.parameter (as_of_date).
-- Caveats: actual, variance, ytd and forecast are null for months after the as-of date (not 0: nothing happened yet);
--   month_complete is false for the month holding the as-of date; lines of unmatched debtors have no region and are
--   left out; contribution is null ("not available") when a line's product has no standard cost; a plan that gives
--   both an all-groups row and product-group rows for the same channel, region and month counts that revenue twice
--   when the rows are added up; revenue of a channel, region and month without a plan row is not shown here
--   (kpi.sales_cube has it).
-- Policy: region(region)
create or replace view kpi.plan_vs_actual as
with as_of as (
    select ops.as_of_date() as as_of_date
),
plan as (
    select p.plan_month, p.channel as channel_code, p.region, p.product_group, p.revenue_plan, p.contribution_plan,
        case when last_day(p.plan_month) <= a.as_of_date then 1.0
            when p.plan_month <= a.as_of_date
                then cast(day(a.as_of_date) as double) / day(last_day(p.plan_month))
            else 0.0 end as elapsed
    from core.sales_plan p, as_of a
),
actual as (
    -- the months before the one holding the as-of date from the month cube (its cost of goods is null when a line
    -- of the cell has none; lines of unmatched debtors are its '(unmapped)' region) ...
    select channel_code, sales_region as region, product_category, make_date(year, month, 1) as plan_month,
        sum(net_revenue_eur) as revenue,
        sum(net_revenue_eur - cost_of_goods_eur) as contribution,
        count(*) - count(cost_of_goods_eur) as lines_without_cost
    from kpi.sales_cube_month
    where channel_code is not null and sales_region <> '(unmapped)'
        and make_date(year, month, 1) < date_trunc('month', (select as_of_date from as_of))
    group by channel_code, sales_region, product_category, year, month
    union all
    -- ... and the month holding it from the lines, to the day
    select channel_code, sales_region, product_category, make_date(year, month, 1),
        sum(net_amount_eur),
        sum(net_amount_eur - cost_of_goods_eur),
        count(*) - count(cost_of_goods_eur)
    from core.sales_fact
    where channel_code is not null and sales_region is not null
        and line_date between date_trunc('month', (select as_of_date from as_of)) and (select as_of_date from as_of)
    group by channel_code, sales_region, product_category, year, month
),
matched as (
    select p.plan_month, p.channel_code, p.region, p.product_group, p.revenue_plan, p.contribution_plan, p.elapsed,
        case when p.elapsed > 0 then coalesce(sum(a.revenue), 0) end as revenue_actual,
        case when p.elapsed > 0 and coalesce(sum(a.lines_without_cost), 0) = 0 then coalesce(sum(a.contribution), 0) end
            as contribution_actual
    from plan p
    left join actual a
        on a.channel_code = p.channel_code and a.region = p.region and a.plan_month = p.plan_month
        and (p.product_group is null or a.product_category = p.product_group)
    group by p.plan_month, p.channel_code, p.region, p.product_group, p.revenue_plan, p.contribution_plan, p.elapsed
),
to_date as (
    select m.*,
        cast(round(m.revenue_plan * m.elapsed, 2) as decimal(18, 2)) as revenue_plan_to_date,
        cast(round(m.contribution_plan * m.elapsed, 2) as decimal(18, 2)) as contribution_plan_to_date
    from matched m
),
running as (
    select t.*,
        sum(t.revenue_plan_to_date) over ytd as ytd_plan,
        sum(t.revenue_actual) over ytd as ytd_actual,
        sum(t.revenue_plan) over (partition by t.channel_code, t.region, t.product_group, year(t.plan_month)) as year_plan
    from to_date t
    window ytd as (partition by t.channel_code, t.region, t.product_group, year(t.plan_month) order by t.plan_month
        rows between unbounded preceding and current row)
)
select
    r.channel_code,
    c.channel_name_de,
    c.channel_name_en,
    r.region,
    r.product_group,
    cast(year(r.plan_month) as integer) as year,
    cast(month(r.plan_month) as integer) as month,
    r.plan_month,
    r.elapsed = 1.0 as month_complete,
    cast(r.revenue_plan as decimal(18, 2)) as revenue_plan_eur,
    case when r.elapsed > 0 then r.revenue_plan_to_date end as revenue_plan_to_date_eur,
    cast(r.revenue_actual as decimal(18, 2)) as revenue_actual_eur,
    cast(r.revenue_actual - r.revenue_plan_to_date as decimal(18, 2)) as revenue_variance_eur,
    (r.revenue_actual - r.revenue_plan_to_date) / nullif(cast(r.revenue_plan_to_date as double), 0)
        as revenue_variance_pct,
    cast(r.contribution_plan as decimal(18, 2)) as contribution_plan_eur,
    cast(r.contribution_actual as decimal(18, 2)) as contribution_actual_eur,
    cast(r.contribution_actual - r.contribution_plan_to_date as decimal(18, 2)) as contribution_variance_eur,
    case when r.elapsed > 0 then cast(r.ytd_plan as decimal(18, 2)) end as ytd_revenue_plan_eur,
    case when r.elapsed > 0 then cast(r.ytd_actual as decimal(18, 2)) end as ytd_revenue_actual_eur,
    case when r.elapsed > 0 then cast(r.ytd_actual - r.ytd_plan as decimal(18, 2)) end as ytd_revenue_variance_eur,
    case when r.elapsed > 0 then (r.ytd_actual - r.ytd_plan) / nullif(cast(r.ytd_plan as double), 0) end
        as ytd_revenue_variance_pct,
    cast(r.year_plan as decimal(18, 2)) as year_revenue_plan_eur,
    case when r.elapsed > 0 then cast(round(r.year_plan * r.ytd_actual / nullif(r.ytd_plan, 0), 2) as decimal(18, 2))
        end as forecast_revenue_eur,
    case when r.elapsed > 0 then cast(round(r.year_plan * r.ytd_actual / nullif(r.ytd_plan, 0), 2) - r.year_plan
        as decimal(18, 2)) end as forecast_variance_eur
from running r
left join core.dim_channel c using (channel_code);
