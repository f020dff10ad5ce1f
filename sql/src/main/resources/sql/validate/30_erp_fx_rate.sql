-- Validate ERP exchange rates: raw.erp_fx_rate -> staging.erp_fx_rate (latest delivered row per currency and
-- month wins; the month is normalized to its first day); rules fx_rate.*.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

create or replace temp table fx_rate_candidate as
select * replace (
    upper(trim(currency)) as currency,
    cast(date_trunc('month', rate_month) as date) as rate_month)
from raw.erp_fx_rate
where nullif(trim(currency), '') is not null and rate_month is not null
qualify latest_row_per(upper(trim(currency)), date_trunc('month', rate_month));

create or replace temp table fx_rate_rejected as
select _load_id, _source_file, _sheet, _row_number,
    case when nullif(trim(currency), '') is null then 'currency' else 'rate_month' end as column_name,
    coalesce(currency, cast(rate_month as varchar)) as raw_value,
    'fx_rate.missing_key' as rule, 'exchange rate without currency or month; expected both Waehrung and Monat' as message
from raw.erp_fx_rate
where nullif(trim(currency), '') is null or rate_month is null
union all
select _load_id, _source_file, _sheet, _row_number, 'rate_per_eur', cast(rate_per_eur as varchar),
    'fx_rate.invalid_rate', 'rate ' || coalesce(cast(rate_per_eur as varchar), 'empty') || ' for ' || currency || ' ' || strftime(rate_month, '%Y-%m') || '; expected units per EUR > 0'
from fx_rate_candidate
where rate_per_eur is null or rate_per_eur <= 0;

stage_validated(subject => fx_rate, source => erp, target => staging.erp_fx_rate,
    columns => (currency, rate_month, rate_per_eur, _load_id, _source_file, _sheet, _row_number));
