-- The core model: conformed dimensions and facts the KPI views read. Rebuilt by sql/consolidate from staging,
-- core.customer_xref and core.customer_golden (each script deletes and re-inserts, so a re-run changes nothing).
-- Amounts are in EUR (decimal(18, 2), rounded per line); the document currency and amount are kept beside them.

-- One row per sales channel. Key: channel_code. Reference data: the ERP spelling maps an order line to its channel.
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

-- One row per currency and month: units of the currency per 1 EUR (EUR itself is not listed; its rate is 1).
-- Key: currency, rate_month (first of month). EUR amount = document amount / rate_per_eur.
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
-- delivered over time. Key: customer_id, valid_from. valid_to is inclusive; the current version ends 9999-12-31.
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
    source_systems  varchar,
    primary key (customer_id, valid_from)
);

-- One row per order line. Key: document_no, line_no. customer_id is null when the debtor maps to no golden customer.
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
    standard_cost_eur   decimal(18, 4) not null,  -- per unit, from the product master
    currency            varchar not null,
    rate_per_eur        decimal(18, 6) not null,  -- units of currency per 1 EUR in the document month (EUR: 1)
    list_amount_eur     decimal(18, 2) not null,  -- round(quantity * list_price / rate, 2)
    net_amount_eur      decimal(18, 2) not null,  -- round(quantity * net_price / rate, 2)
    net_amount_doc      decimal(18, 2) not null,  -- round(quantity * net_price, 2), document currency
    cost_of_goods_eur   decimal(18, 2) not null,  -- round(quantity * standard cost of the product, 2)
    _load_id            bigint,
    _source_file        varchar,
    _row_number         bigint
    -- no primary key index (bulk rebuild speed); sql/assert/45_fact_keys_unique.sql checks the key
);

-- One row per credit note. Key: credit_note_no. Channel and category come from the credited order (document_no,
-- product_no), else from the product; a credit note of an unknown document gets the channel of the debtor's
-- most recent order.
create table core.fact_credit_note (
    credit_note_no      varchar primary key,
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
    _row_number         bigint
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

-- One row per golden customer and year: cost-to-serve drivers summed over the customer's debtors. Key: customer_id, year.
create table core.fact_service_driver (
    customer_id         varchar not null,
    year                integer not null,
    visits              bigint not null,
    support_tickets     bigint not null,
    special_deliveries  bigint not null,
    primary key (customer_id, year)
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

-- One row per CRM contact. Key: contact_id. customer_id is null when the CRM account maps to no golden customer.
create table core.dim_contact (
    contact_id          varchar primary key,
    account_id          varchar not null,
    customer_id         varchar,
    buying_center_role  varchar
);

-- One row per CRM activity (touchpoint). Key: activity_id.
create table core.fact_touchpoint (
    activity_id     varchar primary key,
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
