-- The month cube, in a file of its own that sorts before the views built on it (Flyway applies the repeatable
-- migrations by name, and DuckDB binds a view when it is created): kpi.market_share, kpi.plan_vs_actual and
-- kpi.sales_cube read it, so the night's KPI snapshot reads the 50 M lines with their segments once for all of them.

-- kpi.sales_cube_month
-- What: revenue, list revenue and cost of goods by month and every dashboard filter at once (the period filters:
--   year to date, rolling 12 months, quarter, month against the same span a year earlier).
-- One row: year × month × sales region × industry × channel × product category.
-- Key: year, month, sales_region, industry, channel_code, product_category.
-- Formula: as kpi.sales_cube, per calendar month of the line's date; the months of a year add up to its row in
--   kpi.sales_cube.
-- Sources: core.sales_fact (ERP order lines and credit notes, segment valid on the document date).
-- Caveats: lines of debtors matched to no golden customer appear with sales_region and industry '(unmapped)';
--   credit notes whose channel cannot be traced have channel_code null.
-- Policy: region(sales_region)
create or replace view kpi.sales_cube_month as
select
    year,
    month,
    coalesce(sales_region, '(unmapped)') as sales_region,
    coalesce(industry, '(unmapped)') as industry,
    channel_code,
    product_category,
    cast(sum(net_amount_eur) as decimal(18, 2)) as net_revenue_eur,
    cast(sum(list_amount_eur) as decimal(18, 2)) as list_revenue_eur,
    cast(case when count(cost_of_goods_eur) = count(*) then sum(cost_of_goods_eur) end as decimal(18, 2)) as cost_of_goods_eur,
    cast(count(*) filter (where kind = 'order') as bigint) as order_lines
from core.sales_fact
group by all;
