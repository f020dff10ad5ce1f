-- A tiny warehouse for the JDBC endpoint tests, written by hand (no third-party data): three market facts in two
-- regions behind a kpi view with decimal, date, timestamp, bigint, varchar and double columns; customer-level views
-- with and without sales_region for row-level security; raw and quarantine rows only a steward may see; a view
-- with the types Avatica frames cannot carry (hugeint, uuid) and one that casts them as documented.

create schema if not exists raw;
create schema if not exists quarantine;
create schema if not exists core;
create schema if not exists kpi;
create schema if not exists ops;

create table core.market_fact (
    sales_region    varchar,
    segment         varchar,
    period_start    date,
    revenue_eur     decimal(18, 2),
    units           bigint,
    market_share    double,
    computed_at     timestamp
);
insert into core.market_fact values
    ('Nord', 'Maschinenbau', date '2026-01-01', 1250000.50, 42, 0.125, timestamp '2026-02-03 04:05:06.789'),
    ('Süd', 'Maschinenbau', date '2026-01-01', 875000.25, 17, 0.0625, timestamp '2026-02-03 04:05:06.789'),
    ('Nord', 'Chemie', date '2026-01-01', 300000.00, 5, 0.5, timestamp '2026-02-03 04:05:06.789');

-- One row per region, segment and period: revenue, units and market share.
create view kpi.market_share as
select sales_region, segment, period_start, revenue_eur, units, market_share, computed_at
from core.market_fact;

create table core.customer_golden (
    customer_id     varchar primary key,
    company_name    varchar,
    sales_region    varchar
);
insert into core.customer_golden values
    ('C0000001', 'Müller Maschinenbau GmbH', 'Nord'),
    ('C0000002', 'Schmidt Chemie AG', 'Süd'),
    ('C0000003', 'Weber & Söhne KG', 'West');

-- One row per golden customer: revenue and potential (customer-level, carries sales_region).
create view kpi.customer_value as
select customer_id, company_name, sales_region, revenue_eur, potential_eur
from core.customer_golden
join (values ('C0000001', 500000.00, 800000.00), ('C0000002', 250000.00, 300000.00),
             ('C0000003', 125000.00, 400000.00)) as v(id, revenue_eur, potential_eur)
    on v.id = customer_golden.customer_id;

-- One row per golden customer without its region: scoped through the customer's golden region.
create view kpi.customer_contacts as
select customer_id, company_name from core.customer_golden;

-- One row per order: customer-level, without a region column; one order has no customer (an unmatched debtor).
create view kpi.customer_orders as
select * from (values ('O-1', 'C0000001', 100.00), ('O-2', 'C0000002', 200.00), ('O-3', 'C0000003', 300.00),
                      ('O-4', null, 400.00)) as o(order_no, customer_id, amount_eur);

-- Matching evidence and steward overrides: names and addresses of every region, hidden from regional managers.
create table core.customer_match_pair (record_key_1 varchar, record_key_2 varchar, evidence varchar);
insert into core.customer_match_pair values
    ('crm:A-2', 'erp:D-2', '{"company_name": "Schmidt Chemie AG", "street": "Rheinufer 5"}');
create table core.customer_override (action varchar, record_key_1 varchar, record_key_2 varchar, comment varchar);
insert into core.customer_override values ('force_split', 'crm:A-3', 'erp:D-3', 'Weber & Söhne KG is two firms');

create table raw.crm_account (account_id varchar, account_name varchar, sales_region varchar);
insert into raw.crm_account values ('A-1', 'Müller Maschinenbau', 'Nord');

create table quarantine.rejected_row (source varchar, rule varchar, message varchar);
insert into quarantine.rejected_row values ('crm', 'postcode_format', 'postcode 1234 is not 5 digits');

create table ops.file_load (load_id bigint, file_name varchar);
insert into ops.file_load values (1, 'accounts.csv');

-- Types Avatica frames cannot carry as they are, and the same values cast as views must cast them.
-- sum() over bigint is a hugeint in DuckDB: the commonest way such a column sneaks into a kpi view.
create view kpi.units_by_segment as
select segment, sum(units) as units, sum(revenue_eur) as revenue_eur
from core.market_fact
group by segment;

create view kpi.type_traps as
select 12345678901234567890123::hugeint as big_count,
       '3f1c0b9e-5a6d-4c1e-9a7b-2d4e6f8a0b1c'::uuid as run_uuid;
create view kpi.type_traps_cast as
select cast(12345678901234567890123::hugeint as decimal(38, 0)) as big_count,
       cast('3f1c0b9e-5a6d-4c1e-9a7b-2d4e6f8a0b1c'::uuid as varchar) as run_uuid,
       timestamp '2026-02-03 04:05:06.123456' as precise_at,
       cast(timestamp '2026-02-03 04:05:06.123456' as varchar) as precise_at_text;
