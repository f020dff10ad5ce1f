-- The staging layer: one row per business key, the latest delivered version that passed the business rules of
-- sql/validate (rejected rows are in quarantine.rejected_row with stage 'validate'). Rebuilt by every validate run.
-- Each table keeps the lineage of the raw row it came from (_load_id, _source_file, _sheet, _row_number).
-- The large tables (order lines) declare their key in a comment only: a DuckDB primary key index makes the bulk
-- rebuild several times slower; validate's deduplication guarantees the key and sql/assert checks it.

-- One row per ERP product. Key: product_no.
create table staging.erp_product (
    product_no varchar primary key, product_name varchar, product_category varchar,
    list_price decimal(18, 4), standard_cost decimal(18, 4), unit varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per ERP debtor. Key: debtor_no.
create table staging.erp_debtor (
    debtor_no varchar primary key, name1 varchar, name2 varchar, street varchar, postcode varchar, city varchar,
    country varchar, vat_id varchar, currency varchar, industry varchar, sales_region varchar,
    account_manager varchar, phone varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per currency and month: units of the currency per 1 EUR. Key: currency, rate_month.
create table staging.erp_fx_rate (
    currency varchar not null, rate_month date not null, rate_per_eur decimal(18, 6) not null,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint,
    primary key (currency, rate_month)
);

-- One row per order line (prices per unit in document currency). Key: document_no, line_no.
create table staging.erp_order_line (
    document_no varchar not null, line_no integer not null, document_date date not null, debtor_no varchar not null,
    product_no varchar not null, quantity decimal(18, 3) not null, list_price decimal(18, 4) not null,
    net_price decimal(18, 4) not null, discount_pct decimal(9, 4), currency varchar not null,
    sales_channel varchar not null,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per credit note (amount positive, document currency). Key: credit_note_no.
create table staging.erp_credit_note (
    credit_note_no varchar primary key, credit_date date not null, debtor_no varchar not null, document_no varchar,
    product_no varchar, amount decimal(18, 2) not null, currency varchar not null, reason varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per channel cost line from controlling. Key: channel, cost_month, cost_type.
-- channel_code is null for the shared cost pool (parameter shared_cost_channels).
create table staging.channel_cost (
    channel varchar, channel_code varchar, cost_month date not null, cost_type varchar, amount_eur decimal(18, 2) not null,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per industry, region and year of the market study. Key: industry, region, year.
create table staging.market_volume (
    industry varchar not null, region varchar not null, year integer not null, market_volume_eur decimal(18, 2) not null,
    competitor_1 varchar, share_1 decimal(9, 6), competitor_2 varchar, share_2 decimal(9, 6),
    competitor_3 varchar, share_3 decimal(9, 6),
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint,
    primary key (industry, region, year)
);

-- One row per debtor and year of cost-to-serve drivers. Key: debtor_no, year.
create table staging.service_driver (
    debtor_no varchar not null, year integer not null, visits integer not null, support_tickets integer not null,
    special_deliveries integer not null,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint,
    primary key (debtor_no, year)
);

-- One row per CRM contact. Key: contact_id. buying_center_role as a code: decision_maker, purchaser, user, influencer.
create table staging.crm_contact (
    contact_id varchar primary key, account_id varchar not null, first_name varchar, last_name varchar,
    buying_center_role varchar, email varchar, phone varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per CRM activity (touchpoint). Key: activity_id. journey_phase as a code: need_recognition,
-- preselection, purchase, usage, new_demand.
create table staging.crm_activity (
    activity_id varchar primary key, account_id varchar not null, contact_id varchar, activity_date date not null,
    channel varchar, journey_phase varchar, activity_type varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);
