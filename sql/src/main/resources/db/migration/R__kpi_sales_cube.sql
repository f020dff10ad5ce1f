-- kpi.sales_cube
-- What: revenue, list revenue and cost of goods by every dashboard filter at once.
-- One row: year × sales region × industry × channel × product category.
-- Key: year, sales_region, industry, channel_code, product_category.
-- Formula: net_revenue_eur = order lines minus credit notes (EUR); list_revenue_eur = quantity × list price (EUR);
--   cost_of_goods_eur = quantity × standard cost (null, "not available", when a line's product has no standard cost); order_lines = number of order lines (credit notes not counted).
-- Sources: kpi.sales_cube_month (core.sales_fact: ERP order lines and credit notes, segment valid on the document
--   date).
-- Caveats: lines of debtors matched to no golden customer appear with sales_region and industry '(unmapped)';
--   credit notes whose channel cannot be traced have channel_code null.
-- Policy: region(sales_region)
create or replace view kpi.sales_cube as
-- the months of kpi.sales_cube_month added up (one pass over the facts for both cubes in the night's snapshot); a
-- year's cost of goods is null as soon as one month's is
select
    year,
    sales_region,
    industry,
    channel_code,
    product_category,
    cast(sum(net_revenue_eur) as decimal(18, 2)) as net_revenue_eur,
    cast(sum(list_revenue_eur) as decimal(18, 2)) as list_revenue_eur,
    cast(case when count(cost_of_goods_eur) = count(*) then sum(cost_of_goods_eur) end as decimal(18, 2)) as cost_of_goods_eur,
    cast(sum(order_lines) as bigint) as order_lines
from kpi.sales_cube_month
group by all;
