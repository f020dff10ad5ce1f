-- The sales plan (Absatzplan / budget): revenue and contribution planned per month, channel and sales region,
-- optionally per product group, from controlling's plan workbook (mapping sales_plan). Delivered into raw.sales_plan,
-- validated into staging.sales_plan (sql/validate/85_sales_plan.sql), consolidated into core.sales_plan
-- (sql/consolidate/55_sales_plan.sql), compared with the actual figures by kpi.plan_vs_actual.

create table raw.sales_plan (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    plan_month date, channel varchar, region varchar, product_group varchar, revenue_plan decimal(18, 2),
    contribution_plan decimal(18, 2)
);

-- One row per month, channel, region and product group of the plan (latest delivered row wins). Key: plan_month,
-- channel, region, product_group (null = all product groups).
create table staging.sales_plan (
    plan_month date not null, channel varchar not null, region varchar not null, product_group varchar,
    revenue_plan decimal(18, 2) not null, contribution_plan decimal(18, 2),
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per month, channel, region and product group of the plan. Key: plan_month, channel, region, product_group.
-- plan_month is the first day of the month; channel is the channel code of the core facts (core.dim_channel);
-- region the sales region of ref.region (core.dim_customer.sales_region); product_group null = all product groups;
-- amounts in the home currency.
create table core.sales_plan (
    plan_month          date not null,
    channel             varchar not null,
    region              varchar not null,
    product_group       varchar,
    revenue_plan        decimal(18, 2) not null,
    contribution_plan   decimal(18, 2),
    _load_id            bigint,
    _source_file        varchar,
    _row_number         bigint
);
