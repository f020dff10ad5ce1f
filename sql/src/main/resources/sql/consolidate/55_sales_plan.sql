-- Consolidate the sales plan (core.sales_plan) from its validated rows: one row per month, channel code, region and
-- product group (null = all), with the delivering file and row.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

delete from core.sales_plan;

insert into core.sales_plan
select plan_month, channel, region, product_group, revenue_plan, contribution_plan, _load_id, _source_file, _row_number
from staging.sales_plan;
