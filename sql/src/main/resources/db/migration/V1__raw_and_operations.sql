-- Schemas of the warehouse and the raw layer: rows as delivered (typed by the source mapping) plus lineage.
-- Every raw table carries _load_id, _source_file, _file_hash, _sheet and _row_number, so any KPI value can be
-- traced back to the file, sheet and row it came from. Canonical fields: docs/inbox-formats.md.

create schema if not exists raw;
create schema if not exists staging;
create schema if not exists quarantine;
create schema if not exists core;
create schema if not exists kpi;
create schema if not exists ops;

-- One row per file the inbox routes have seen: loaded, skipped as already loaded, or failed.
create sequence if not exists ops.load_id_seq start 1;
create table ops.file_load (
    load_id         bigint primary key,
    run_id          bigint,
    source          varchar not null,
    file_name       varchar not null,
    file_hash       varchar not null,
    file_size       bigint,
    status          varchar not null,   -- LOADED, DUPLICATE, FAILED
    rows_delivered  bigint,
    rows_loaded     bigint,
    rows_rejected   bigint,
    reason_code     varchar,
    message         varchar,
    started_at      timestamp not null,
    finished_at     timestamp
);

-- One row per nightly run and step, written by the job: what a data steward reads in the run history.
create table ops.step_run (
    run_id          bigint not null,
    step_name       varchar not null,
    status          varchar not null,
    rows_read       bigint,
    rows_written    bigint,
    rows_rejected   bigint,
    started_at      timestamp not null,
    finished_at     timestamp,
    message         varchar,
    primary key (run_id, step_name)
);

-- Rows that failed a rule, never lost: which file, sheet, row, column, value, and what was expected.
create table quarantine.rejected_row (
    load_id         bigint,
    run_id          bigint,
    stage           varchar not null,   -- ingest, validate
    source          varchar not null,
    source_file     varchar,
    sheet           varchar,
    row_number      bigint,
    column_name     varchar,
    raw_value       varchar,
    rule            varchar not null,
    message         varchar not null
);

create table raw.crm_account (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    account_id varchar, account_name varchar, street varchar, postcode varchar, city varchar, country varchar,
    phone varchar, email varchar, website varchar, vat_id varchar, erp_debtor_no varchar, industry varchar,
    sales_region varchar, account_owner varchar, wallet_estimate_eur decimal(18, 2), created_date date
);

create table raw.crm_contact (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    contact_id varchar, account_id varchar, first_name varchar, last_name varchar, buying_center_role varchar,
    email varchar, phone varchar
);

create table raw.crm_activity (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    activity_id varchar, account_id varchar, contact_id varchar, activity_date date, channel varchar,
    journey_phase varchar, activity_type varchar
);

create table raw.crm_opportunity (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    opportunity_id varchar, account_id varchar, product_category varchar, stage varchar, amount_eur decimal(18, 2),
    expected_close_date date
);

create table raw.erp_debtor (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    debtor_no varchar, name1 varchar, name2 varchar, street varchar, postcode varchar, city varchar, country varchar,
    vat_id varchar, currency varchar, industry varchar, sales_region varchar, account_manager varchar, phone varchar
);

create table raw.erp_product (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    product_no varchar, product_name varchar, product_category varchar, list_price decimal(18, 4),
    standard_cost decimal(18, 4), unit varchar
);

create table raw.erp_order_line (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    document_no varchar, line_no integer, document_date date, debtor_no varchar, product_no varchar,
    quantity decimal(18, 3), list_price decimal(18, 4), net_price decimal(18, 4), discount_pct decimal(9, 4),
    currency varchar, sales_channel varchar
);

create table raw.erp_credit_note (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    credit_note_no varchar, credit_date date, debtor_no varchar, document_no varchar, product_no varchar,
    amount decimal(18, 2), currency varchar, reason varchar
);

create table raw.erp_fx_rate (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    currency varchar, rate_month date, rate_per_eur decimal(18, 6)
);

create table raw.sales_rep_customer (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    list_no varchar, company_name varchar, street varchar, postcode varchar, city varchar, contact_person varchar,
    phone varchar, email varchar, potential_eur decimal(18, 2), remark varchar
);

create table raw.market_volume (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    industry varchar, region varchar, year integer, market_volume_eur decimal(18, 2),
    competitor_1 varchar, share_1 decimal(9, 6), competitor_2 varchar, share_2 decimal(9, 6),
    competitor_3 varchar, share_3 decimal(9, 6)
);

create table raw.channel_cost (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    channel varchar, cost_month date, cost_type varchar, amount_eur decimal(18, 2)
);

create table raw.service_driver (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    debtor_no varchar, year integer, visits integer, support_tickets integer, special_deliveries integer
);
