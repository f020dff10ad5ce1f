-- Validate ERP credit notes: raw.erp_credit_note -> staging.erp_credit_note (latest delivered row per
-- credit_note_no wins); rules credit_note.*. Needs staging.erp_debtor and staging.erp_fx_rate.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.
-- As-of date: compared only with raw.erp_credit_note.credit_date (a credit note dated after it is refused).
-- The rule's message does not name the as-of date, so a row still refused keeps the message of the night that
-- refused it.

create or replace temp table credit_note_candidate as
select * replace (
    trim(credit_note_no) as credit_note_no,
    trim(debtor_no) as debtor_no,
    nullif(trim(document_no), '') as document_no,
    nullif(trim(product_no), '') as product_no,
    upper(trim(currency)) as currency)
from raw.erp_credit_note
where nullif(trim(credit_note_no), '') is not null
qualify latest_row_per(trim(credit_note_no));

create or replace temp table credit_note_rejected as
select _load_id, _source_file, _sheet, _row_number, 'credit_note_no' as column_name, credit_note_no as raw_value,
    'credit_note.missing_key' as rule, 'credit note without Gutschrift number' as message
from raw.erp_credit_note
where nullif(trim(credit_note_no), '') is null
union all
select _load_id, _source_file, _sheet, _row_number, 'credit_date', cast(credit_date as varchar),
    'credit_note.invalid_date',
    'credit note ' || credit_note_no || ' is dated ' || coalesce(cast(credit_date as varchar), 'empty')
        || '; expected a date up to the as-of date of the night that checked it (salesbi history)'
from credit_note_candidate
where credit_date is null or credit_date > ops.as_of_date()
union all
select _load_id, _source_file, _sheet, _row_number, 'debtor_no', debtor_no,
    'credit_note.unknown_debtor',
    'credit note ' || credit_note_no || ' has debtor ' || coalesce(debtor_no, 'empty') || ', which is not in the debtor master'
from credit_note_candidate c
where not exists (select 1 from staging.erp_debtor d where d.debtor_no = c.debtor_no)
union all
select _load_id, _source_file, _sheet, _row_number, 'amount', cast(amount as varchar),
    'credit_note.non_positive_amount',
    'credit note ' || credit_note_no || ' has amount ' || coalesce(cast(amount as varchar), 'empty') || '; expected an amount > 0'
from credit_note_candidate
where amount is null or amount <= 0
union all
select _load_id, _source_file, _sheet, _row_number, 'currency', currency,
    'credit_note.missing_fx_rate',
    'credit note ' || credit_note_no || ' is in ' || coalesce(currency, 'no currency')
        || ' with no exchange rate for ' || coalesce(strftime(credit_date, '%Y-%m'), 'an unknown month')
from credit_note_candidate c
where coalesce(currency, '') <> coalesce(ops.param('home_currency'), 'EUR')
    and not exists (
        select 1 from staging.erp_fx_rate f
        where f.currency = c.currency and f.rate_month = date_trunc('month', c.credit_date));

stage_validated(subject => credit_note, source => erp, target => staging.erp_credit_note,
    columns => (credit_note_no, credit_date, debtor_no, document_no, product_no, amount, currency, reason, _load_id,
        _source_file, _sheet, _row_number));
