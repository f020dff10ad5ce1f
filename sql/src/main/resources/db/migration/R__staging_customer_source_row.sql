-- staging.customer_source_row: every customer source lined up on canonical fields, the latest delivered row per
-- business key (CRM account id, ERP debtor number, sales rep list + list number), with the date the source last
-- changed it (from the file name's yyyymmdd, else the load's start). The match engine standardizes these rows
-- (libphonenumber, legal forms, VAT formats: what SQL lacks) into staging.customer_record.
-- A new customer source is one more CTE here and one more "union all".
create or replace view staging.customer_source_row as
with crm as (
    select 'crm' as source_system, account_id as source_key, account_name as company_name,
           street, postcode, city, country, phone, email, website, vat_id, erp_debtor_no,
           industry, sales_region, account_owner, wallet_estimate_eur, null::decimal(18, 2) as potential_eur,
           _source_file, _load_id
    from raw.crm_account
    where nullif(trim(account_id), '') is not null
    qualify row_number() over (partition by account_id order by _load_id desc, _row_number desc) = 1 -- latest delivered row per key
),
erp as (
    select 'erp' as source_system, debtor_no as source_key,
           trim(concat_ws(' ', name1, nullif(trim(name2), ''))) as company_name,
           street, postcode, city, country, phone, null as email, null as website, vat_id,
           debtor_no as erp_debtor_no, industry, sales_region, account_manager as account_owner,
           null::decimal(18, 2) as wallet_estimate_eur, null::decimal(18, 2) as potential_eur,
           _source_file, _load_id
    -- validated: the latest row per debtor, also the debtors derived from order exports without a master
    from staging.erp_debtor
),
excel_keyed as (
    select regexp_extract(_source_file, '([^/\\]+?)(\.[^./\\]*)?$', 1) || '/' || trim(list_no) as source_key,
           *
    from raw.sales_rep_customer
    where nullif(trim(list_no), '') is not null
),
excel as (
    select 'excel' as source_system, source_key, company_name, street, postcode, city,
           null as country, phone, email, null as website, null as vat_id, null as erp_debtor_no,
           null as industry, null as sales_region, null as account_owner,
           null::decimal(18, 2) as wallet_estimate_eur, potential_eur, _source_file, _load_id
    from excel_keyed
    qualify row_number() over (partition by source_key order by _load_id desc, _row_number desc) = 1
),
all_sources as (
    select * from crm
    union all select * from erp
    union all select * from excel
)
select s.*,
       coalesce(try_strptime(nullif(regexp_extract(s._source_file, '(\d{8})', 1), ''), '%Y%m%d'),
                f.started_at) as source_updated_at
from all_sources s
left join ops.file_load f on f.load_id = s._load_id;
