-- kpi.dq_quarantine
-- What: rows the pipeline refused, by the rule they broke: where to clean up at the source.
-- One row: source × stage × rule.
-- Key: source, stage, rule.
-- Formula: rows = number of quarantined rows (a row breaking two rules counts under both).
-- Sources: quarantine.rejected_row (connectors at ingest, sql/validate at validate).
-- Caveats: validate rejects are rebuilt every run; ingest rejects accumulate per loaded file.
-- Policy: aggregate
create or replace view kpi.dq_quarantine as
select
    source,
    stage,
    rule,
    cast(count(*) as bigint) as rows
from quarantine.rejected_row
group by source, stage, rule;

-- kpi.dq_file_load
-- What: every file the inbox saw, whether it was loaded, skipped as a duplicate or failed, and why.
-- One row: file seen by the inbox (one load attempt).
-- Key: load_id (last column).
-- Formula: the run history as the inbox routes wrote it.
-- Sources: ops.file_load.
-- Caveats: none.
-- Policy: hidden
create or replace view kpi.dq_file_load as
select
    source,
    file_name,
    status,
    rows_delivered,
    rows_loaded,
    rows_rejected,
    reason_code,
    message,
    finished_at,
    load_id
from ops.file_load;

-- kpi.dq_file_rows
-- What: what became of every delivered row of every file, so that nothing disappears unexplained.
-- One row: file load (a file read by one mapping into one raw table).
-- Key: load_id (last column).
-- Formula: rows_delivered = rows_current + rows_quarantined + rows_filtered + rows_superseded + rows_suppressed;
--   rows_current =
--   rows of this load that are the valid current row of their key (staging, or the customer records); rows_quarantined
--   = distinct rows refused at loading (ops.file_load.rows_rejected) or by validation (quarantine.rejected_row);
--   rows_filtered = rows the mapping's drop-rows-where dropped (totals); rows_superseded = rows a later delivery (or
--   a later row of the same file) with the same key replaced; rows_suppressed = rows dropped at loading because they
--   hold a person erased earlier (ops.privacy_suppression).
-- Sources: ops.file_load, quarantine.rejected_row, staging.*, staging.customer_record, ops.staged_rows (the staged
--   rows per load of the raw tables the mappings own).
-- Caveats: tables no validation reads (raw.crm_opportunity, raw.crm_opportunity_history: every snapshot and history
--   row is part of an opportunity's history) count every loaded row as current; files that failed or were skipped
--   as duplicates show their delivered rows only.
-- Policy: hidden
create or replace view kpi.dq_file_rows as
with staged as (
    select _load_id, 'raw.erp_product' as target, count(*) as n from staging.erp_product group by all
    union all select _load_id, 'raw.erp_debtor', count(*) from staging.erp_debtor group by all
    union all select _load_id, 'raw.erp_fx_rate', count(*) from staging.erp_fx_rate group by all
    union all select _load_id, 'raw.erp_order_line', count(*) from staging.erp_order_line group by all
    union all select _load_id, 'raw.erp_credit_note', count(*) from staging.erp_credit_note group by all
    union all select _load_id, 'raw.channel_cost', count(*) from staging.channel_cost group by all
    union all select _load_id, 'raw.market_volume', count(*) from staging.market_volume group by all
    union all select _load_id, 'raw.service_driver', count(*) from staging.service_driver group by all
    union all select _load_id, 'raw.sales_plan', count(*) from staging.sales_plan group by all
    union all select _load_id, 'raw.crm_contact', count(*) from staging.crm_contact group by all
    union all select _load_id, 'raw.crm_activity', count(*) from staging.crm_activity group by all
    union all select _load_id, 'raw.survey_answer', count(*) from staging.survey_answer group by all
    union all select _load_id, 'raw.crm_account', count(*) from staging.customer_record
        where source_system = 'crm' group by all
    union all select _load_id, 'raw.sales_rep_customer', count(*) from staging.customer_record
        where source_system = 'excel' group by all
    union all select load_id, raw_table, rows_staged from ops.staged_rows
),
refused as (
    select load_id, count(distinct (sheet, row_number)) as n
    from quarantine.rejected_row
    where stage = 'validate'
    group by all
),
fate as (
    select f.*,
        case when f.status <> 'LOADED' then 0
            when f.target in ('raw.crm_opportunity', 'raw.crm_opportunity_history') then f.rows_loaded
            else coalesce(s.n, 0) end as current_rows,
        case when f.status = 'LOADED' then coalesce(f.rows_rejected, 0) + coalesce(r.n, 0) else 0 end
            as quarantined_rows
    from ops.file_load f
    left join staged s on s._load_id = f.load_id and s.target = f.target
    left join refused r on r.load_id = f.load_id
)
select
    source,
    file_name,
    target,
    status,
    rows_delivered,
    cast(current_rows as bigint) as rows_current,
    cast(quarantined_rows as bigint) as rows_quarantined,
    cast(coalesce(rows_filtered, 0) as bigint) as rows_filtered,
    cast(case when status = 'LOADED'
        then rows_delivered - current_rows - quarantined_rows - coalesce(rows_filtered, 0)
            - coalesce(rows_suppressed, 0) else 0 end as bigint)
        as rows_superseded,
    cast(coalesce(rows_suppressed, 0) as bigint) as rows_suppressed,
    load_id
from fate;

-- kpi.dq_summary
-- What: the state of the warehouse after the last run in one row, the headline of the data-quality page.
-- One row: the warehouse (exactly one row).
-- Key: none.
-- Formula: source_records = customer records of all sources; golden_customers = golden records;
--   duplicates_merged = source_records - golden_customers; rows_quarantined = quarantined rows (distinct file and
--   row); files_loaded / files_failed = files with status LOADED / FAILED; customers_without_owner = golden
--   customers with no account owner; last_load_at = latest finished file load; newest_file_date = the newest date
--   a loaded file carries in its name (yyyymmdd or yyyy-mm-dd, as in erp_order_lines_20250630.csv): how old the data
--   is, which the load time is not (a file of yesterday loaded a minute ago is a day old).
-- Sources: staging.customer_record, core.customer_golden, quarantine.rejected_row, ops.file_load.
-- Caveats: newest_file_date is null when no loaded file has a date in its name.
-- Policy: aggregate
create or replace view kpi.dq_summary as
select
    cast((select count(*) from staging.customer_record) as bigint) as source_records,
    cast((select count(*) from core.customer_golden) as bigint) as golden_customers,
    cast((select count(*) from staging.customer_record) - (select count(*) from core.customer_golden) as bigint)
        as duplicates_merged,
    cast((select count(*) from (
        select distinct stage, source, source_file, sheet, row_number, load_id from quarantine.rejected_row)) as bigint)
        as rows_quarantined,
    cast((select count(*) from ops.file_load where status = 'LOADED') as bigint) as files_loaded,
    cast((select count(*) from ops.file_load where status = 'FAILED') as bigint) as files_failed,
    cast((select count(*) from core.customer_golden where nullif(trim(account_owner), '') is null) as bigint)
        as customers_without_owner,
    (select max(finished_at) from ops.file_load where status = 'LOADED') as last_load_at,
    (select cast(max(try_strptime(replace(regexp_extract(file_name, '(20[0-9]{2}-?[01][0-9]-?[0-3][0-9])', 1), '-', ''),
        '%Y%m%d')) as date)
     from ops.file_load where status = 'LOADED') as newest_file_date;

-- kpi.dq_completeness
-- What: how complete each customer field is in each source: which silo to fix first.
-- One row: source system × field of the customer record.
-- Key: source_system, field.
-- Formula: completeness = filled records / records, filled = not null and not blank.
-- Sources: staging.customer_record (standardized customer records of CRM, ERP and sales reps' lists).
-- Caveats: a field a source does not deliver at all shows completeness 0.
-- Policy: aggregate
create or replace view kpi.dq_completeness as
with field as (
    unpivot (
        select source_system,
            cast(nullif(trim(company_name), '') is not null as integer) as company_name,
            cast(nullif(trim(street), '') is not null as integer) as street,
            cast(nullif(trim(postcode), '') is not null as integer) as postcode,
            cast(nullif(trim(city), '') is not null as integer) as city,
            cast(nullif(trim(country), '') is not null as integer) as country,
            cast(nullif(trim(phone), '') is not null as integer) as phone,
            cast(nullif(trim(email), '') is not null as integer) as email,
            cast(nullif(trim(website_domain), '') is not null as integer) as website_domain,
            cast(nullif(trim(vat_id), '') is not null as integer) as vat_id,
            cast(nullif(trim(erp_debtor_no), '') is not null as integer) as erp_debtor_no,
            cast(nullif(trim(industry), '') is not null as integer) as industry,
            cast(nullif(trim(sales_region), '') is not null as integer) as sales_region,
            cast(nullif(trim(account_owner), '') is not null as integer) as account_owner
        from staging.customer_record)
    on columns(* exclude (source_system))
    into name field value filled
)
select
    source_system,
    field,
    cast(count(*) as bigint) as records,
    cast(sum(filled) as bigint) as filled,
    cast(sum(filled) as double) / count(*) as completeness
from field
group by source_system, field;

-- kpi.dq_freshness
-- What: how old the latest delivery of each source is.
-- One row: source (inbox folder) with at least one loaded file.
-- Key: source.
-- Formula: days_since_last_load = as-of date - day of the latest successful load.
-- Sources: ops.file_load, ops.parameter (as_of_date).
-- Caveats: a source that never delivered does not appear.
-- Policy: aggregate
create or replace view kpi.dq_freshness as
select
    source,
    arg_max(file_name, finished_at) as last_file_name,
    max(finished_at) as last_load_at,
    cast(ops.as_of_date() - cast(max(finished_at) as date) as integer) as days_since_last_load,
    cast(count(*) as bigint) as files_loaded
from ops.file_load
where status = 'LOADED'
group by source;
