-- Validate channel costs from controlling: raw.channel_cost -> staging.channel_cost (latest delivered row per
-- Kanal, month and cost type wins). A Kanal in the parameter shared_cost_channels (or empty) is the shared cost
-- pool (channel_code null); any other Kanal must be a channel's ERP spelling. Rules channel_cost.*.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

create or replace temp table channel_cost_candidate as
select * replace (
    nullif(trim(channel), '') as channel,
    cast(date_trunc('month', cost_month) as date) as cost_month,
    nullif(trim(cost_type), '') as cost_type)
from raw.channel_cost
where cost_month is not null
qualify latest_row_per(nullif(trim(channel), ''), date_trunc('month', cost_month), nullif(trim(cost_type), ''));

create or replace temp table channel_cost_mapped as
select c.*, ch.channel_code,
    c.channel is null
        or list_contains(list_transform(string_split(coalesce(ops.param('shared_cost_channels'), ''), ','), lambda x: trim(x)), c.channel)
        as is_shared
from channel_cost_candidate c
left join core.dim_channel ch on ch.erp_spelling = c.channel;

create or replace temp table channel_cost_rejected as
select _load_id, _source_file, _sheet, _row_number, 'cost_month' as column_name, cast(cost_month as varchar) as raw_value,
    'channel_cost.missing_month' as rule, 'channel cost of ' || coalesce(channel, 'no channel') || ' without Monat' as message
from raw.channel_cost
where cost_month is null
union all
select _load_id, _source_file, _sheet, _row_number, 'channel', channel,
    'channel_cost.unknown_channel',
    'channel cost for Kanal ' || channel || ' in ' || strftime(cost_month, '%Y-%m')
        || '; expected a channel (Außendienst, Innendienst, E-Shop, EDI, Handelspartner, Marktplatz) or a shared pool ('
        || coalesce(ops.param('shared_cost_channels'), '') || ')'
from channel_cost_mapped
where channel_code is null and not is_shared
union all
select _load_id, _source_file, _sheet, _row_number, 'amount_eur', cast(amount_eur as varchar),
    'channel_cost.missing_amount', 'channel cost of ' || coalesce(channel, 'no channel') || ' in ' || strftime(cost_month, '%Y-%m') || ' has no Betrag'
from channel_cost_mapped
where amount_eur is null;

stage_validated(subject => channel_cost, source => costs, target => staging.channel_cost,
    candidates => channel_cost_mapped,
    columns => (channel, channel_code, cost_month, cost_type, amount_eur, _load_id, _source_file, _sheet,
        _row_number));
