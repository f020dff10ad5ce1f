-- Consolidate core.dim_customer, the golden customers as SCD type 2: one version per customer and period in which
-- its segment (industry), sales region and owner stayed the same.
-- History comes from the raw deliveries of the customer's records in its leading source (the first of
-- source-precedence in salesbi.yaml that delivers it, by default CRM before ERP): every delivered file is a snapshot
-- dated by the yyyyMMdd stamp in its file name (else the day it was loaded). A new version starts on the first
-- snapshot whose values differ from the one before. The current version carries the golden values; the first version
-- is valid from 1900-01-01 so that all earlier documents find a segment. A customer without any dated delivery has
-- one version with the golden values.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

create or replace temp table customer_delivery as
select x.customer_id, 'crm' as source_system,
    coalesce(
        try_strptime(regexp_extract(a._source_file, '(\d{8})', 1), '%Y%m%d'),
        f.started_at) as delivered_at,
    a._load_id, a._row_number,
    nullif(trim(a.industry), '') as industry,
    nullif(trim(a.sales_region), '') as sales_region,
    nullif(trim(a.account_owner), '') as account_owner
from raw.crm_account a
join core.customer_xref x on x.source_system = 'crm' and x.source_key = trim(a.account_id)
left join ops.file_load f on f.load_id = a._load_id
union all
select x.customer_id, 'erp',
    coalesce(
        try_strptime(regexp_extract(d._source_file, '(\d{8})', 1), '%Y%m%d'),
        f.started_at),
    d._load_id, d._row_number,
    nullif(trim(d.industry), ''),
    nullif(trim(d.sales_region), ''),
    nullif(trim(d.account_manager), '')
from raw.erp_debtor d
join core.customer_xref x on x.source_system = 'erp' and x.source_key = trim(d.debtor_no)
left join ops.file_load f on f.load_id = d._load_id;

create or replace temp table customer_snapshot as
with precedence as (
    -- source-precedence in salesbi.yaml: the sources in the order in which they lead, most trusted first
    select string_split(coalesce(ops.param('source_precedence'), 'crm,erp,excel'), ',') as sources
),
leading_source as (
    select d.customer_id,
        first(d.source_system order by coalesce(list_position(p.sources, d.source_system), 1000), d.source_system)
            as source_system
    from customer_delivery d
    cross join precedence p
    where d.delivered_at is not null
    group by d.customer_id
),
snapshot as (
    select d.customer_id, cast(d.delivered_at as date) as snapshot_date, d.industry, d.sales_region, d.account_owner
    from customer_delivery d
    join leading_source l using (customer_id, source_system)
    where d.delivered_at is not null
    qualify latest_row_per(d.customer_id, cast(d.delivered_at as date))
),
flagged as (
    select *,
        case when (industry, sales_region, account_owner) is distinct from lag((industry, sales_region, account_owner))
            over (partition by customer_id order by snapshot_date) then 1 else 0 end as is_change
    from snapshot
)
select *, sum(is_change) over (partition by customer_id order by snapshot_date) as version_no
from flagged;

create or replace temp table customer_version as
with version as (
    select customer_id, version_no, min(snapshot_date) as first_seen,
        any_value(industry) as industry, any_value(sales_region) as sales_region, any_value(account_owner) as account_owner
    from customer_snapshot
    group by customer_id, version_no
)
select customer_id, version_no,
    case when version_no = 1 then date '1900-01-01' else first_seen end as valid_from,
    coalesce(lead(first_seen) over (partition by customer_id order by version_no) - 1, date '9999-12-31') as valid_to,
    version_no = max(version_no) over (partition by customer_id) as is_current,
    industry, sales_region, account_owner
from version;

delete from core.dim_customer;

insert into core.dim_customer
select g.customer_id,
    coalesce(v.valid_from, date '1900-01-01') as valid_from,
    coalesce(v.valid_to, date '9999-12-31') as valid_to,
    coalesce(v.is_current, true) as is_current,
    g.company_name,
    case when coalesce(v.is_current, true) then g.industry else v.industry end as industry,
    case when coalesce(v.is_current, true) then g.sales_region else v.sales_region end as sales_region,
    case when coalesce(v.is_current, true) then g.account_owner else v.account_owner end as account_owner,
    g.country,
    coalesce(case when coalesce(v.is_current, true) then g.sales_region else v.sales_region end = 'Export'
        or coalesce(g.country, 'DE') <> 'DE', false) as is_export,
    nullif(trim(case when coalesce(v.is_current, true) then g.account_owner else v.account_owner end), '') is not null as has_owner,
    g.source_systems
from core.customer_golden g
left join customer_version v using (customer_id);
