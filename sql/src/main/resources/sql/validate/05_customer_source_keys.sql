-- Customer records without a key: a CRM account without Account ID or a row of a sales rep's list without Nr.
-- cannot become a customer record (standardizeCustomersStep keys records by them), so it goes to quarantine
-- (stage validate, rules crm_account.missing_key, rep_list.missing_key) instead of vanishing unexplained.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

delete from quarantine.rejected_row
where stage = 'validate' and rule in ('crm_account.missing_key', 'rep_list.missing_key');

insert into quarantine.rejected_row
    (load_id, run_id, stage, source, source_file, sheet, row_number, column_name, raw_value, rule, message)
select _load_id, cast(ops.param('run_id') as bigint), 'validate', 'crm', _source_file, _sheet, _row_number,
    'account_id', account_id, 'crm_account.missing_key',
    'CRM account ' || coalesce('''' || nullif(trim(account_name), '') || '''', 'without a name')
        || ' has no Account ID; expected the CRM''s account id'
from raw.crm_account
where nullif(trim(account_id), '') is null
union all
select _load_id, cast(ops.param('run_id') as bigint), 'validate', 'excel', _source_file, _sheet, _row_number,
    'list_no', list_no, 'rep_list.missing_key',
    'customer list row ' || coalesce('''' || nullif(trim(company_name), '') || '''', 'without a company name')
        || ' has no Nr.; expected the row''s number in the list'
from raw.sales_rep_customer
where nullif(trim(list_no), '') is null;
