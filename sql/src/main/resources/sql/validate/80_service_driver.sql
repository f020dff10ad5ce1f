-- Validate cost-to-serve drivers from the service desk: raw.service_driver -> staging.service_driver (latest
-- delivered row per debtor and year wins; empty counts read as 0); rules service_driver.*. Needs staging.erp_debtor.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

create or replace temp table service_driver_candidate as
select * replace (
    trim(debtor_no) as debtor_no,
    coalesce(visits, 0) as visits,
    coalesce(support_tickets, 0) as support_tickets,
    coalesce(special_deliveries, 0) as special_deliveries)
from raw.service_driver
where nullif(trim(debtor_no), '') is not null and year is not null
qualify latest_row_per(trim(debtor_no), year);

create or replace temp table service_driver_rejected as
select _load_id, _source_file, _sheet, _row_number,
    case when nullif(trim(debtor_no), '') is null then 'debtor_no' else 'year' end as column_name,
    coalesce(debtor_no, cast(year as varchar)) as raw_value,
    'service_driver.missing_key' as rule, 'service driver row without Debitor or Year; expected both' as message
from raw.service_driver
where nullif(trim(debtor_no), '') is null or year is null
union all
select _load_id, _source_file, _sheet, _row_number, 'debtor_no', debtor_no,
    'service_driver.unknown_debtor',
    'service drivers ' || year || ' for debtor ' || debtor_no || ', which is not in the debtor master'
from service_driver_candidate c
where not exists (select 1 from staging.erp_debtor d where d.debtor_no = c.debtor_no)
union all
select _load_id, _source_file, _sheet, _row_number, 'visits', concat_ws(' / ', visits, support_tickets, special_deliveries),
    'service_driver.negative_count',
    'service drivers ' || year || ' for debtor ' || debtor_no || ' are ' || concat_ws(' / ', visits, support_tickets, special_deliveries)
        || ' (visits / tickets / special deliveries); expected counts >= 0'
from service_driver_candidate
where visits < 0 or support_tickets < 0 or special_deliveries < 0;

stage_validated(subject => service_driver, source => service, target => staging.service_driver,
    columns => (debtor_no, year, visits, support_tickets, special_deliveries, _load_id, _source_file, _sheet,
        _row_number));
