-- Validate the sales plan: raw.sales_plan -> staging.sales_plan (latest delivered row per month, channel, region and
-- product group wins). The channel may be given by its ERP spelling or its code, region and product group in any
-- case; all three must be known (core.dim_channel, ref.region, ref.product_group). Rules sales_plan.*.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

create or replace temp table sales_plan_candidate as
select p.* replace (
    cast(date_trunc('month', p.plan_month) as date) as plan_month,
    trim(p.channel) as channel,
    coalesce(rg.region, trim(p.region)) as region,
    coalesce(pg.product_group, nullif(trim(p.product_group), '')) as product_group),
    ch.channel_code
from raw.sales_plan p
left join core.dim_channel ch on lower(trim(p.channel)) in (lower(ch.erp_spelling), lower(ch.channel_code))
left join ref.region rg on lower(rg.region) = lower(trim(p.region))
left join ref.product_group pg on lower(pg.product_group) = lower(trim(p.product_group))
where p.plan_month is not null and nullif(trim(p.channel), '') is not null and nullif(trim(p.region), '') is not null
qualify latest_row_per(date_trunc('month', p.plan_month), coalesce(ch.channel_code, lower(trim(p.channel))),
    coalesce(rg.region, trim(p.region)), coalesce(pg.product_group, nullif(trim(p.product_group), '')));

create or replace temp table sales_plan_rejected as
select _load_id, _source_file, _sheet, _row_number,
    case when plan_month is null then 'plan_month' when nullif(trim(channel), '') is null then 'channel' else 'region' end
        as column_name,
    coalesce(cast(plan_month as varchar), channel, region) as raw_value,
    'sales_plan.missing_key' as rule, 'plan row without Monat, Kanal or Region; expected all three' as message
from raw.sales_plan
where plan_month is null or nullif(trim(channel), '') is null or nullif(trim(region), '') is null
union all
select _load_id, _source_file, _sheet, _row_number, 'channel', channel, 'sales_plan.unknown_channel',
    'plan row for ' || strftime(plan_month, '%Y-%m') || ' has Kanal ' || channel || '; expected one of '
        || (select string_agg(erp_spelling || ' (' || channel_code || ')', ', ' order by sort_order) from core.dim_channel)
from sales_plan_candidate
where channel_code is null
union all
select _load_id, _source_file, _sheet, _row_number, 'region', region, 'sales_plan.unknown_region',
    'plan row for ' || strftime(plan_month, '%Y-%m') || ' has Region ' || region || '; expected one of '
        || (select string_agg(region, ', ' order by sort_order) from ref.region)
        || ' (reference/regions.csv, which the steward can extend)'
from sales_plan_candidate c
where exists (select 1 from ref.region) and not exists (select 1 from ref.region r where r.region = c.region)
union all
select _load_id, _source_file, _sheet, _row_number, 'product_group', product_group, 'sales_plan.unknown_product_group',
    'plan row for ' || strftime(plan_month, '%Y-%m') || ' has Warengruppe ' || product_group || '; expected one of '
        || (select string_agg(product_group, ', ' order by sort_order) from ref.product_group)
        || ' (reference/product_groups.csv, which the steward can extend) or empty for all product groups'
from sales_plan_candidate c
where product_group is not null and exists (select 1 from ref.product_group)
    and not exists (select 1 from ref.product_group g where g.product_group = c.product_group)
union all
select _load_id, _source_file, _sheet, _row_number, 'revenue_plan', cast(revenue_plan as varchar),
    'sales_plan.invalid_revenue',
    'planned revenue of ' || channel || ' / ' || region || ' in ' || strftime(plan_month, '%Y-%m') || ' is '
        || coalesce(cast(revenue_plan as varchar), 'empty') || '; expected an amount of 0 or more'
from sales_plan_candidate
where revenue_plan is null or revenue_plan < 0;

stage_validated(subject => sales_plan, source => plan, target => staging.sales_plan,
    columns => (plan_month, channel_code, region, product_group, revenue_plan, contribution_plan, _load_id,
        _source_file, _sheet, _row_number));
