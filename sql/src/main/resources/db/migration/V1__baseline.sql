-- The warehouse schema as released in 0.1: the versioned migrations V1..V50 of the development history squashed into
-- one baseline (git history before release 0.1 has them one by one). Views are not here but in the repeatable
-- R__*.sql files, one per view, applied after this file; core.sales_line stays here because core.sales_fact
-- (R__core_sales_fact.sql) is built on it. Changes after a release: a new V<n>__*.sql, never an edit of this file
-- (docs/architecture.md, "Migrations after a release"). SchemaCatalogueTest checks the result against
-- sql/src/test/resources/schema/catalogue.txt.
--
-- Tables the night deletes and fills again carry no primary key: committing a delete and re-insert of the same keys
-- through a DuckDB key index costs seconds per 50,000 rows. Their key is named in a comment, declared not null, and
-- checked before every publication by sql/assert/45_keys_unique.sql.

create schema if not exists raw;
create schema if not exists staging;
create schema if not exists quarantine;
create schema if not exists core;
create schema if not exists kpi;
create schema if not exists kpi_snapshot;
create schema if not exists ops;
create schema if not exists ref;


-- ==================================================================================================================
-- raw: rows as delivered, typed by the source mapping, plus lineage. Every raw table carries _load_id, _source_file,
-- _file_hash, _sheet and _row_number, so any KPI value can be traced back to the file, sheet and row it came from.
-- The data columns are the fields of the bundled mapping in order (connectors/src/main/resources/mappings; checked
-- by BundledMappingsTest), then optional fields other mappings may fill. Canonical fields: docs/inbox-formats.md.
-- ==================================================================================================================

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

-- Optional beyond the bundled mapping: line_amount, the line's own total in document currency as delivered (revenue
-- is the file's sum of line totals to the cent, not quantity × a unit price rounded to four places); the customer_*
-- and product_* fields an order export carries on every line when no debtor or product master is delivered
-- (sql/validate/20_erp_debtor.sql and 10_erp_product.sql derive the missing masters from them).
create table raw.erp_order_line (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    document_no varchar, line_no integer, document_date date, debtor_no varchar, product_no varchar,
    quantity decimal(18, 3), list_price decimal(18, 4), net_price decimal(18, 4), discount_pct decimal(9, 4),
    currency varchar, sales_channel varchar,
    line_amount decimal(18, 4),
    customer_name varchar, customer_street varchar, customer_postcode varchar, customer_city varchar,
    customer_country varchar, customer_industry varchar, customer_region varchar,
    product_name varchar, product_category varchar
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

-- The sales-excellence self-assessment (Standortbestimmung) as delivered in Standortbestimmung_<wave>.xlsx: role,
-- area and orientation as the workbook writes them (German label or code), score as a number.
create table raw.survey_answer (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    wave varchar, respondent_id varchar, respondent_role varchar, area varchar, orientation varchar,
    question_id varchar, question varchar, score integer, comment varchar
);


-- ==================================================================================================================
-- staging: one row per business key, the latest delivered version that passed the business rules of sql/validate
-- (rejected rows are in quarantine.rejected_row with stage 'validate'). Rebuilt by every validate run. Each table
-- keeps the lineage of the raw row it came from (_load_id, _source_file, _sheet, _row_number).
-- ==================================================================================================================

-- One row per ERP product. Key: product_no.
create table staging.erp_product (
    product_no varchar primary key, product_name varchar, product_category varchar,
    list_price decimal(18, 4), standard_cost decimal(18, 4), unit varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per ERP debtor. Key: debtor_no (no key index).
create table staging.erp_debtor (
    debtor_no varchar not null, name1 varchar, name2 varchar, street varchar, postcode varchar, city varchar,
    country varchar, vat_id varchar, currency varchar, industry varchar, sales_region varchar,
    account_manager varchar, phone varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per currency and month: units of the currency per 1 unit of the home currency. Key: currency, rate_month.
create table staging.erp_fx_rate (
    currency varchar not null, rate_month date not null, rate_per_eur decimal(18, 6) not null,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint,
    primary key (currency, rate_month)
);

-- One row per order line (prices per unit in document currency; line_amount the delivered line total, when the file
-- has one). Key: document_no, line_no (no key index).
create table staging.erp_order_line (
    document_no varchar not null, line_no integer not null, document_date date not null, debtor_no varchar not null,
    product_no varchar not null, quantity decimal(18, 3) not null, list_price decimal(18, 4) not null,
    net_price decimal(18, 4) not null, discount_pct decimal(9, 4), currency varchar not null,
    sales_channel varchar not null,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint,
    line_amount decimal(18, 4)
);

-- Order line keys that validation changed (added, replaced, removed or newly rejected) since consolidation last
-- built core.fact_order_line from them; a row with document_no null means all of them (a full revalidation).
-- Validation appends, consolidation consumes in its own transaction: a night interrupted in between loses nothing.
create table staging.erp_order_line_changed (
    document_no varchar,
    line_no     integer
);

-- One row per credit note (amount positive, document currency). Key: credit_note_no (no key index).
create table staging.erp_credit_note (
    credit_note_no varchar not null, credit_date date not null, debtor_no varchar not null, document_no varchar,
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

-- One row per debtor and year of cost-to-serve drivers. Key: debtor_no, year (no key index).
create table staging.service_driver (
    debtor_no varchar not null, year integer not null, visits integer not null, support_tickets integer not null,
    special_deliveries integer not null,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per CRM contact. Key: contact_id (no key index). buying_center_role as a code: decision_maker, purchaser,
-- user, influencer.
create table staging.crm_contact (
    contact_id varchar not null, account_id varchar not null, first_name varchar, last_name varchar,
    buying_center_role varchar, email varchar, phone varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per CRM activity (touchpoint). Key: activity_id (no key index). journey_phase as a code: need_recognition,
-- preselection, purchase, usage, new_demand.
create table staging.crm_activity (
    activity_id varchar not null, account_id varchar not null, contact_id varchar, activity_date date not null,
    channel varchar, journey_phase varchar, activity_type varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

-- One row per wave, respondent and question; the latest delivered answer wins. Key: wave, respondent_id, question_id.
-- respondent_role as a code: self, head_of_sales, sales_staff, other_department, customer_partner.
-- area as a code: sales_strategy, sales_management, customer_relationship, information_management.
-- orientation as a code: customer, performance, team. score an integer on the scale 1 (poor) to 5 (excellent).
create table staging.survey_answer (
    wave varchar not null, respondent_id varchar not null, respondent_role varchar not null, area varchar not null,
    orientation varchar not null, question_id varchar not null, question varchar, score integer not null, comment varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint,
    primary key (wave, respondent_id, question_id)
);

-- The contract between standardization/matching (pipeline, package match) and the core model: one row per customer
-- record in any source (CRM account, ERP debtor, sales rep list row), standardized for matching.
-- Key: record_key = source_system || ':' || source_key (no key index). Rebuilt by standardizeCustomersStep.
create table staging.customer_record (
    record_key          varchar not null,
    source_system       varchar not null,     -- crm, erp, excel
    source_key          varchar not null,     -- crm Account ID, erp Debitor, excel '<file stem>/<Nr.>'
    company_name        varchar,              -- as delivered
    name_normalized     varchar,              -- legal form split off, umlauts folded, lower case, noise removed
    legal_form          varchar,              -- canonical legal form, e.g. 'GmbH & Co. KG'
    street              varchar,              -- standardized street name without house number
    house_number        varchar,
    postcode            varchar,
    city                varchar,
    country             varchar,              -- ISO 3166-1 alpha-2
    phone               varchar,              -- E.164
    email               varchar,
    website_domain      varchar,
    vat_id              varchar,              -- normalized, only when the format checks out
    erp_debtor_no       varchar,              -- strong identifier: the ERP debtor number (erp records, CRM field)
    industry            varchar,
    sales_region        varchar,
    account_owner       varchar,
    wallet_estimate_eur decimal(18, 2),
    potential_eur       decimal(18, 2),
    source_updated_at   timestamp,
    _load_id            bigint
);


-- ==================================================================================================================
-- quarantine: rows that failed a rule, never lost: which file, sheet, row, column, value, and what was expected.
-- ==================================================================================================================

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


-- ==================================================================================================================
-- core: conformed dimensions and facts the KPI views read. Rebuilt by sql/consolidate from staging and the matching
-- result (each script deletes and re-inserts, so a re-run changes nothing). Amounts are in the home currency (the
-- *_eur columns; decimal(18, 2), rounded per line); the document currency and amount are kept beside them.
-- Row-level security of every core relation: db/migration/core.policy.
-- ==================================================================================================================

-- One row per sales channel. Key: channel_code. The ERP spelling maps an order line to its channel. Filled from the
-- installation's reference/channels.csv at the start of every validation; the rows below are the bundled defaults.
create table core.dim_channel (
    channel_code    varchar primary key,
    channel_name_de varchar not null,
    channel_name_en varchar not null,
    erp_spelling    varchar not null unique,
    sort_order      integer not null
);
insert into core.dim_channel values
    ('FIELD_SALES',  'Außendienst',         'Field sales',          'Außendienst',    1),
    ('INSIDE_SALES', 'Innendienst',         'Inside sales',         'Innendienst',    2),
    ('WEB_SHOP',     'E-Shop',              'Web shop',             'E-Shop',         3),
    ('EDI',          'EDI / E-Procurement', 'EDI / e-procurement',  'EDI',            4),
    ('DISTRIBUTOR',  'Handelspartner',      'Distributors',         'Handelspartner', 5),
    ('MARKETPLACE',  'Marktplatz',          'Marketplaces',         'Marktplatz',     6);

-- One row per currency and month: units of the currency per 1 unit of the home currency (which is not listed; its
-- rate is 1). Key: currency, rate_month (first of month). Home currency amount = document amount / rate_per_eur.
create table core.fx_rate (
    currency     varchar not null,
    rate_month   date not null,
    rate_per_eur decimal(18, 6) not null,
    primary key (currency, rate_month)
);

-- One row per day from 2000 to 2039. Key: calendar_date.
create table core.dim_calendar as
select
    cast(d as date)                     as calendar_date,
    cast(year(d) as integer)            as year,
    cast(quarter(d) as integer)         as quarter,
    cast(month(d) as integer)           as month,
    cast(weekofyear(d) as integer)      as iso_week,
    cast(isodow(d) as integer)          as iso_day_of_week,
    cast(date_trunc('month', d) as date) as month_start,
    strftime(d, '%Y-%m')                as year_month
from generate_series(timestamp '2000-01-01', timestamp '2039-12-31', interval 1 day) as t(d);

-- One row per sales region. Key: region. Rebuilt from customers and the market study.
create table core.dim_region (
    region      varchar primary key,
    region_en   varchar,
    is_export   boolean not null
);

-- One row per product. Key: product_no.
create table core.dim_product (
    product_no       varchar primary key,
    product_name     varchar,
    product_category varchar not null,
    list_price_eur   decimal(18, 4),
    standard_cost_eur decimal(18, 4),
    unit             varchar
);

-- One row per golden customer and validity interval (SCD type 2): segment (industry), region, owner and flags as
-- delivered over time. Key: customer_id, valid_from (no key index). valid_to is inclusive; the current version ends
-- 9999-12-31.
create table core.dim_customer (
    customer_id     varchar not null,
    valid_from      date not null,
    valid_to        date not null,
    is_current      boolean not null,
    company_name    varchar,
    industry        varchar,
    sales_region    varchar,
    account_owner   varchar,
    country         varchar,
    is_export       boolean,
    has_owner       boolean not null,
    source_systems  varchar
);

-- One row per order line. Key: document_no, line_no (no key index). customer_id is null when the debtor maps to no
-- golden customer. A product without a standard cost keeps its revenue: its cost of goods is null, never 0.
create table core.fact_order_line (
    document_no         varchar not null,
    line_no             integer not null,
    document_date       date not null,
    year                integer not null,
    month               integer not null,
    debtor_no           varchar not null,
    customer_id         varchar,
    product_no          varchar not null,
    product_category    varchar not null,
    channel_code        varchar not null,
    quantity            decimal(18, 3) not null,
    list_price          decimal(18, 4) not null,  -- per unit, document currency
    net_price           decimal(18, 4) not null,  -- per unit, document currency
    discount_pct        decimal(9, 4),
    standard_cost_eur   decimal(18, 4),           -- per unit, from the product master; null when it has none
    currency            varchar not null,
    rate_per_eur        decimal(18, 6) not null,  -- units of currency per 1 unit of home currency in the document month
    list_amount_eur     decimal(18, 2) not null,  -- round(quantity * list_price / rate, 2)
    net_amount_eur      decimal(18, 2) not null,  -- round(quantity * net_price / rate, 2), or the delivered line total
    net_amount_doc      decimal(18, 2) not null,  -- the same in document currency
    cost_of_goods_eur   decimal(18, 2),           -- round(quantity * standard cost of the product, 2); null without one
    _load_id            bigint,
    _source_file        varchar,
    _row_number         bigint
);

-- One row per credit note. Key: credit_note_no (no key index). Channel and category come from the credited order
-- (document_no, product_no), else from the product; a credit note of an unknown document gets the channel of the
-- debtor's most recent order up to the credit date. channel_document_no, channel_line_no and channel_document_date
-- name the order line the channel came from (null when there is none): they tell an analyst where the channel comes
-- from and let a night with a few new order lines rebuild only the notes whose latest order changed.
create table core.fact_credit_note (
    credit_note_no      varchar not null,
    credit_date         date not null,
    year                integer not null,
    month               integer not null,
    debtor_no           varchar not null,
    customer_id         varchar,
    document_no         varchar,
    product_no          varchar,
    product_category    varchar,
    channel_code        varchar,
    currency            varchar not null,
    rate_per_eur        decimal(18, 6) not null,
    amount_doc          decimal(18, 2) not null,
    amount_eur          decimal(18, 2) not null,  -- round(amount / rate, 2), positive
    reason              varchar,
    _load_id            bigint,
    _source_file        varchar,
    _row_number         bigint,
    channel_document_no   varchar,
    channel_line_no       integer,
    channel_document_date date
);

-- One row per channel, month and cost type. Key: channel_code (null = shared pool), cost_month, cost_type.
create table core.fact_channel_cost (
    channel_code    varchar,
    cost_month      date not null,
    year            integer not null,
    month           integer not null,
    cost_type       varchar,
    amount_eur      decimal(18, 2) not null
);

-- One row per golden customer and year: cost-to-serve drivers summed over the customer's debtors.
-- Key: customer_id, year (no key index).
create table core.fact_service_driver (
    customer_id         varchar not null,
    year                integer not null,
    visits              bigint not null,
    support_tickets     bigint not null,
    special_deliveries  bigint not null
);

-- One row per industry, region and year of the market study. Key: industry, region, year.
create table core.fact_market_volume (
    industry                 varchar not null,
    region                   varchar not null,
    year                     integer not null,
    market_volume_eur        decimal(18, 2) not null,
    largest_competitor       varchar,
    largest_competitor_share double,
    competitor_1 varchar, share_1 double, competitor_2 varchar, share_2 double, competitor_3 varchar, share_3 double,
    primary key (industry, region, year)
);

-- One row per CRM contact. Key: contact_id (no key index). customer_id is null when the CRM account maps to no
-- golden customer.
create table core.dim_contact (
    contact_id          varchar not null,
    account_id          varchar not null,
    customer_id         varchar,
    buying_center_role  varchar
);

-- One row per CRM activity (touchpoint). Key: activity_id (no key index).
create table core.fact_touchpoint (
    activity_id     varchar not null,
    account_id      varchar not null,
    customer_id     varchar,
    contact_id      varchar,
    activity_date   date not null,
    year            integer not null,
    channel         varchar,
    journey_phase   varchar,
    activity_type   varchar
);

-- Every revenue-bearing line: order lines (positive) and credit notes (negative). One row per line; key: kind,
-- document_no/credit_note_no, line_no. The one place the KPI views take net revenue from, so they agree.
create view core.sales_line as
select
    'order'             as kind,
    document_no         as document_key,
    line_no,
    document_date       as line_date,
    year,
    month,
    debtor_no,
    customer_id,
    product_no,
    product_category,
    channel_code,
    list_amount_eur,
    net_amount_eur,
    cost_of_goods_eur
from core.fact_order_line
union all
select
    'credit_note',
    credit_note_no,
    0,
    credit_date,
    year,
    month,
    debtor_no,
    customer_id,
    product_no,
    product_category,
    channel_code,
    cast(0 as decimal(18, 2)),
    -amount_eur,
    cast(0 as decimal(18, 2))
from core.fact_credit_note;

-- Customer matching (pipeline, package match). The match step parks its result in staging.next_* and the
-- consolidate step publishes it into these tables in its transaction.

-- Which golden customer each source record belongs to. Key: source_system, source_key (no key index).
create table core.customer_xref (
    source_system       varchar not null,
    source_key          varchar not null,
    customer_id         varchar not null,     -- stable across runs, e.g. 'C0000123'
    match_probability   double                -- of the record belonging to its cluster; 1.0 for the seed record
);

-- One row per golden customer: the surviving value of every field and the source it survived from.
-- Key: customer_id (no key index).
create table core.customer_golden (
    customer_id         varchar not null,
    company_name        varchar,
    legal_form          varchar,
    street              varchar,
    postcode            varchar,
    city                varchar,
    country             varchar,
    phone               varchar,
    email               varchar,
    website_domain      varchar,
    vat_id              varchar,
    industry            varchar,
    sales_region        varchar,
    account_owner       varchar,
    wallet_estimate_eur decimal(18, 2),
    potential_eur       decimal(18, 2),
    record_count        integer not null,
    source_systems      varchar not null,     -- e.g. 'crm,erp,excel'
    field_sources       varchar               -- JSON object: field -> record_key the value survived from
);

-- One row per scored record pair at or above the review threshold, or decided by an id or an override.
-- Key: record_key_1, record_key_2 with record_key_1 < record_key_2 (no key index).
create table core.customer_match_pair (
    record_key_1        varchar not null,
    record_key_2        varchar not null,
    match_probability   double not null,
    match_weight        double not null,      -- log-odds of the match probability (natural log)
    decision            varchar not null,     -- match, review, non_match, id_match, id_conflict, forced_match, forced_split
    same_customer       boolean not null,     -- both records ended in the same golden customer
    evidence            varchar not null      -- JSON object: field -> {level, weight, values}
);

-- One row per change of customer ids: a new customer, a merge of one customer into another, a split off an
-- existing customer, or the retirement of a customer whose records are all gone. Appended, never rewritten;
-- a re-run on unchanged input appends nothing.
create table core.customer_id_history (
    run_id              bigint not null,
    event               varchar not null,     -- new, merge, split, retire
    customer_id         varchar not null,     -- the customer the event is about (new id, surviving id, split-off id, retired id)
    related_customer_id varchar,              -- merge: the id merged away; split: the id split from
    record_count        integer not null      -- records of customer_id after the event (0 when retired)
);

-- One row per steward override read in the last run, and whether it could be applied. Rebuilt by matchCustomersStep.
create table core.customer_override (
    action              varchar not null,     -- force_match, force_split
    record_key_1        varchar not null,
    record_key_2        varchar not null,
    source_file         varchar not null,
    source_line         integer not null,
    status              varchar not null,     -- applied, unknown_record, conflict
    comment             varchar
);


-- ==================================================================================================================
-- ref: reference vocabularies are data, not migrations. Channels (core.dim_channel), regions, segments (industries),
-- product groups and currencies come from CSV files in the installation's reference/ folder (written with the
-- bundled defaults on the first night, extended by the steward) and are reloaded at the start of every validation
-- (ReferenceVocabularies).
-- ==================================================================================================================

-- One row per sales region. Key: region.
create table ref.region (
    region      varchar primary key,
    name_en     varchar not null,
    is_export   boolean not null,
    sort_order  integer not null
);

-- One row per segment (industry, Branche). Key: industry.
create table ref.segment (
    industry    varchar primary key,
    name_en     varchar not null,
    sort_order  integer not null
);

-- One row per product group (Warengruppe). Key: product_group.
create table ref.product_group (
    product_group varchar primary key,
    name_en       varchar not null,
    sort_order    integer not null
);

-- One row per currency a document may be in (ISO 4217). Key: currency.
create table ref.currency (
    currency    varchar primary key,
    name_de     varchar not null,
    name_en     varchar not null
);


-- ==================================================================================================================
-- ops: what the night does and decides. Job parameters handed from the configuration to the SQL, file loads and
-- their outcome, step runs, the state that lets a night skip or narrow unchanged work, and its verdict.
-- ==================================================================================================================

-- Job parameters read by the SQL scripts (sql/validate, sql/consolidate, sql/assert) and the KPI views. The nightly
-- job overwrites the values from its configuration before it runs the scripts; only names seeded here (or by a later
-- migration) can be set. The seed documents every parameter with its default, one comment line above each row
-- (docs/kpis.md is generated from them). Values are text; the macros below cast them where they are used.
create table ops.parameter (
    name  varchar primary key,
    value varchar               -- empty or null = the default documented here
);

insert into ops.parameter (name, value) values
    -- Business date of the run (yyyy-MM-dd). Empty = current_date. Documents dated later are rejected; recency is measured to it.
    ('as_of_date', null),
    -- Id of the nightly run; written to quarantine.rejected_row.run_id. Empty = null.
    ('run_id', null),
    -- An order line whose net price exceeds list price times this factor is rejected (typing error in the ERP).
    ('net_price_max_list_factor', '1.5'),
    -- Comma-separated Kanal values in the channel cost sheet that are no channel but a shared cost pool, allocated to the channels by channel_cost_allocation_key. Empty Kanal is shared too.
    ('shared_cost_channels', 'Gemeinkosten,Zentral,Vertrieb gesamt'),
    -- How shared channel costs are allocated to channels within a month: revenue (net revenue share), orders (share of order documents) or customers (share of distinct customers).
    ('channel_cost_allocation_key', 'revenue'),
    -- Cost to serve: EUR per field sales visit (service desk driver Visits).
    ('cost_per_visit_eur', '450'),
    -- Cost to serve: EUR per support ticket.
    ('cost_per_support_ticket_eur', '60'),
    -- Cost to serve: EUR per special delivery (express, small lot, special packaging).
    ('cost_per_special_delivery_eur', '250'),
    -- ABC analysis: a customer is A while the customers ranked before it hold less than this share of the total.
    ('abc_a_cutoff', '0.8'),
    -- ABC analysis: a customer is B while the customers ranked before it hold less than this share (and it is not A); else C.
    ('abc_b_cutoff', '0.95'),
    -- Potential segment: high when the open wallet (wallet minus own revenue) of the year is at least this amount.
    ('potential_high_min_open_wallet_eur', '100000'),
    -- Key accounts (buying center view): the top N customers by net revenue in the latest year with orders up to as_of_date.
    ('key_account_top_n', '20'),
    -- Cross-sell gaps: purchases in this many months up to as_of_date count as buying a category.
    ('cross_sell_lookback_months', '24'),
    -- Cross-sell gaps: a category is a gap when more than this share of the customer's industry peers (active buyers) buy it.
    ('cross_sell_min_peer_share', '0.5'),
    -- Assertion: the largest tolerated share of order lines whose debtor maps to no golden customer.
    ('max_unmapped_order_line_share', '0.0'),
    -- Self-assessment: an area counts as strong when its mean score (scale 1 to 5) is at least this.
    ('survey_strong_min_score', '3.5'),
    -- Self-assessment: champions need all four areas strong and at most this difference between the best and the worst area.
    ('survey_champion_max_spread', '0.75'),
    -- Self-assessment: a gap between self-image and an external image is significant when Welch's |t| exceeds this.
    ('survey_gap_min_t', '2'),
    -- Written by the night: true when it runs with --full, so that every incremental subject (ops.incremental_state) and every skippable script (ops.script_state) is rebuilt in full.
    ('full_rebuild', 'false'),
    -- The installation's home currency (ISO code): the currency of an order line or credit note whose file names none, and the currency the KPIs report in (the *_eur amounts are in it; exchange rates are units of a currency per 1 unit of it). Lines in it need no exchange rate.
    ('home_currency', 'EUR');

-- Typed access to a parameter; an empty value counts as missing.
create macro ops.param(parameter_name) as (
    select nullif(trim(value), '') from ops.parameter where name = parameter_name
);
create macro ops.param_double(parameter_name) as (cast(ops.param(parameter_name) as double));
create macro ops.as_of_date() as (coalesce(cast(ops.param('as_of_date') as date), current_date));

-- The seeded defaults of ops.parameter, kept apart: each night starts from them and applies the configuration on
-- top, so a key removed from salesbi.yaml falls back to its default instead of keeping last night's value. A later
-- migration that adds a parameter inserts it into both tables.
create table ops.parameter_default as select name, value from ops.parameter;

-- The accepted spellings of respondent role, area and orientation of the self-assessment (German label as in the
-- template, or the code). Validation compares lower(trim(value)) with lower(label); a value not listed is quarantined.
create table ops.survey_code (
    kind varchar not null,      -- role, area, orientation
    label varchar not null,     -- as written in the workbook
    code varchar not null,
    sort_order integer not null,
    primary key (kind, label)
);

insert into ops.survey_code (kind, label, code, sort_order) values
    ('role', 'Selbstbild', 'self', 1),
    ('role', 'self', 'self', 1),
    ('role', 'Vertriebsleitung', 'head_of_sales', 2),
    ('role', 'head_of_sales', 'head_of_sales', 2),
    ('role', 'Vertriebsmitarbeiter', 'sales_staff', 3),
    ('role', 'sales_staff', 'sales_staff', 3),
    ('role', 'Andere Abteilung', 'other_department', 4),
    ('role', 'other_department', 'other_department', 4),
    ('role', 'Kunde/Partner', 'customer_partner', 5),
    ('role', 'customer_partner', 'customer_partner', 5),
    ('area', 'Vertriebsstrategie', 'sales_strategy', 1),
    ('area', 'sales_strategy', 'sales_strategy', 1),
    ('area', 'Vertriebsmanagement', 'sales_management', 2),
    ('area', 'sales_management', 'sales_management', 2),
    ('area', 'Kundenbeziehungsmanagement', 'customer_relationship', 3),
    ('area', 'customer_relationship', 'customer_relationship', 3),
    ('area', 'Informationsmanagement', 'information_management', 4),
    ('area', 'information_management', 'information_management', 4),
    ('orientation', 'Kundenorientierung', 'customer', 1),
    ('orientation', 'customer', 'customer', 1),
    ('orientation', 'Leistungsorientierung', 'performance', 2),
    ('orientation', 'performance', 'performance', 2),
    ('orientation', 'Teamorientierung', 'team', 3),
    ('orientation', 'team', 'team', 3);

-- One row per file the inbox routes have seen: loaded, skipped as already loaded, or failed. Load ids are numbered
-- inside each file's transaction (one more than the last recorded load), so a night killed half-way leaves no gap.
-- delivered = loaded + rejected + filtered for every file (rows_filtered: rows a mapping's drop-rows-where dropped,
-- such as totals). target: the raw table the load went to. max_reject_ratio: the share of quarantined rows above
-- which the file's mapping rejects it (0.2 = 20 %), recorded at load so a file judged later is judged by it.
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
    finished_at     timestamp,
    rows_filtered   bigint default 0,
    target          varchar,
    max_reject_ratio double
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

-- What a step last worked on, as a content checksum: a night whose input to a step is unchanged skips that step
-- (its output would be the same), which keeps nights with few new files short. Key: step_name.
create table ops.step_input (
    step_name       varchar primary key,
    input_checksum  varchar not null,
    run_id          bigint not null
);

-- The fingerprint each skippable SQL script left (io.salesbi.sql.ScriptFingerprint): a checksum of the tables it
-- names and the parameters it reads, taken after its last run. A night skips the script while the fingerprint is
-- unchanged; --full runs it regardless.
create table ops.script_state (
    script      varchar primary key,   -- e.g. 'sql/validate/50_erp_credit_note.sql'
    fingerprint varchar not null,      -- md5 of the checksums
    run_id      bigint                 -- the night that ran it last
);

-- What the last night built incrementally from, per subject (order line validation, order line facts), so that a
-- night with a few new files touches only what changed. A subject is rebuilt in full when its row is missing, its
-- reference data (debtor and product masters, exchange rates, channels, parameters) changed, the rows it was built
-- from changed behind its back, or the night runs with --full. The scripts in sql/validate and sql/consolidate
-- read and write it in their step's transaction.
create table ops.incremental_state (
    subject             varchar primary key,   -- 'order_line_validation', 'order_line_fact'
    reference_checksum  varchar not null,      -- content checksum of the reference data the subject was checked against
    through_load_id     bigint not null,       -- the highest raw load id included
    rows_through        bigint not null,       -- raw rows with a load id up to through_load_id, at that time
    as_of_date          date not null,         -- the business date it was built for
    run_id              bigint,                -- the night that built it last
    mode                varchar not null,      -- how: 'full' or 'incremental'
    rows_processed      bigint not null        -- rows it checked or wrote that night
);

-- The order line keys the last consolidation replaced (sql/consolidate/30_fact_order_line.sql), kept until the next
-- one, with the debtor and document date of each key's fact before and after (one row each; null when there was or
-- is no fact). On a night that built the order line facts incrementally, only these keys can have changed in
-- staging.erp_order_line and core.fact_order_line since the last night whose checks passed: the key check before
-- publication (sql/assert/45_keys_unique.sql) looks at them instead of grouping 5 M lines twice, and credit note
-- facts (sql/consolidate/40_fact_credit_note.sql) are rebuilt only for the documents and debtors they name.
create table ops.order_line_consolidated (
    document_no varchar not null,
    line_no     integer not null,
    debtor_no   varchar,
    document_date date
);

-- One row per file a night took (its ops.file_load row): delivered rows against the distinct rows quarantined in any
-- stage (ingest, validate), whether the file counts as rejected and the rules that rejected most. Key: load_id.
create table ops.file_outcome (
    load_id             bigint primary key,
    run_id              bigint not null,
    source              varchar not null,
    file_name           varchar not null,
    rows_delivered      bigint not null,
    rows_quarantined    bigint not null,
    quarantined_share   double,
    max_reject_ratio    double,
    rejected            boolean not null,
    top_rule            varchar,            -- the rule that quarantined most of the file's rows (or the load's reason)
    top_rule_rows       bigint,
    rules               varchar             -- the three rules that quarantined most, e.g. 'order_line.unknown_debtor 12; ...'
);

-- One row per night that ran to its end: the night's outcome as salesbi tells it (the job's own status stays
-- COMPLETED). Key: run_id.
create table ops.night_outcome (
    run_id              bigint primary key,
    outcome             varchar not null,   -- COMPLETED, COMPLETED_WITH_WARNINGS
    files_taken         bigint not null,    -- files loaded or failed this night (duplicates not counted)
    files_rejected      bigint not null,
    rows_delivered      bigint not null,
    rows_passed         bigint not null,    -- delivered rows not quarantined in any stage
    message             varchar,
    decided_at          timestamp not null
);

-- One row per published night: when managers and analysts started to see its numbers. Key: run_id.
create table ops.publish (
    run_id          bigint primary key,
    as_of_date      date not null,
    published_at    timestamp not null,
    kpi_views       integer not null,
    kpi_rows        bigint not null
);


-- ==================================================================================================================
-- kpi and kpi_snapshot: the KPI views are repeatable migrations (R__kpi_*.sql, one file per subject, each view with
-- its header). kpi_snapshot holds the views as the night published them, one table per view, written by the
-- consolidate step in its transaction (io.salesbi.sql.KpiSnapshot); the checks, the publish step and the dashboards
-- read these tables, analysts keep querying the live views.
-- ==================================================================================================================
