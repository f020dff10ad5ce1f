-- Validate ERP debtors: raw.erp_debtor -> staging.erp_debtor (latest delivered row per debtor_no wins);
-- rows breaking a rule go to quarantine.rejected_row (stage validate, rules debtor.*). A debtor number that no debtor
-- master delivers but whose order lines carry the customer's name (an order export without a master) becomes a debtor
-- from its latest such line.
-- Runs every night, unlike the scripts marked "Skipped when unchanged": it names raw.erp_order_line, whose checksum
-- (60 M rows at scale 100: about 3 s) would cost six times the script (0.5 s), and order lines arrive nightly.

create or replace temp table debtor_candidate as
select * replace (
    trim(debtor_no) as debtor_no,
    trim(name1) as name1,
    trim(name2) as name2,
    nullif(upper(trim(country)), '') as country,
    nullif(upper(trim(currency)), '') as currency,
    nullif(trim(industry), '') as industry,
    nullif(trim(sales_region), '') as sales_region,
    nullif(trim(account_manager), '') as account_manager)
from (
    select * from raw.erp_debtor
    union all by name
    select _load_id, _source_file, _file_hash, _sheet, _row_number, debtor_no, customer_name as name1,
        customer_street as street, customer_postcode as postcode, customer_city as city, customer_country as country,
        customer_industry as industry, customer_region as sales_region
    from raw.erp_order_line o
    where nullif(trim(o.customer_name), '') is not null
        and not exists (select 1 from raw.erp_debtor d where trim(d.debtor_no) = trim(o.debtor_no))
)
where nullif(trim(debtor_no), '') is not null
qualify latest_row_per(trim(debtor_no));

create or replace temp table debtor_rejected as
select _load_id, _source_file, _sheet, _row_number, 'debtor_no' as column_name, debtor_no as raw_value,
    'debtor.missing_key' as rule, 'debtor number is empty; expected the Debitor number' as message
from raw.erp_debtor
where nullif(trim(debtor_no), '') is null;

stage_validated(subject => debtor, source => erp, target => staging.erp_debtor,
    columns => (debtor_no, name1, name2, street, postcode, city, country, vat_id, currency, industry, sales_region,
        account_manager, phone, _load_id, _source_file, _sheet, _row_number));
