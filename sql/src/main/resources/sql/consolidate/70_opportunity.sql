-- Consolidate the CRM's opportunities: core.opportunity_history (SCD2 on stage, amount and expected close date) and
-- core.opportunity (the current state, linked to its golden customer through core.customer_xref, source 'crm').
-- The history comes from the stage-history export (raw.crm_opportunity_history) for an opportunity that has one,
-- else from the successive nightly snapshots (raw.crm_opportunity): a version starts on the first snapshot night
-- showing a state that differs from the one before. An opportunity missing from a snapshot keeps its state (a CRM
-- that exports only the rows modified since the last export delivers delta snapshots). A snapshot row without a
-- Snapshot Date counts for the date in its file name (crm_opportunities_20250630.csv). Per opportunity and day the
-- latest delivered row wins. Stages are matched case-insensitively on ref.opportunity_stage (stage, German or
-- English name); an unknown stage is kept as delivered, with no order, status or probability. Whether a won
-- opportunity's ERP order arrived is 75_opportunity_order.sql's part: this script reads no order lines, so new order
-- lines alone do not build the opportunities again.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

create or replace temp table opportunity_stage_spelling as
select distinct lower(trim(spelling)) as spelling, stage, sort_order, status, probability
from (
    select stage as spelling, * from ref.opportunity_stage
    union all select name_de, * from ref.opportunity_stage
    union all select name_en, * from ref.opportunity_stage
);

create or replace temp table opportunity_snapshot as
select
    trim(opportunity_id) as opportunity_id,
    coalesce(snapshot_date,
        try_strptime(regexp_extract(_source_file, '(\d{8})', 1), '%Y%m%d')::date) as snapshot_date,
    nullif(trim(account_id), '') as account_id,
    nullif(trim(product_category), '') as product_group,
    nullif(trim(stage), '') as stage,
    amount_eur,
    expected_close_date,
    created_date,
    closed_date,
    nullif(trim(lead_source), '') as lead_source,
    nullif(trim(channel), '') as channel,
    nullif(trim(opportunity_owner), '') as opportunity_owner,
    nullif(trim(lost_reason), '') as lost_reason,
    margin_pct,
    nullif(trim(erp_order_no), '') as erp_order_no
from raw.crm_opportunity
where nullif(trim(opportunity_id), '') is not null
qualify latest_row_per(trim(opportunity_id), coalesce(snapshot_date,
    try_strptime(regexp_extract(_source_file, '(\d{8})', 1), '%Y%m%d')::date));

-- The states as delivered by either source, one per opportunity and day, with the stage spelled as the vocabulary.
create or replace temp table opportunity_state as
with delivered as (
    select 'snapshots' as history_source, opportunity_id, snapshot_date as valid_from, stage, amount_eur,
        expected_close_date
    from opportunity_snapshot
    where snapshot_date is not null
      and opportunity_id not in (select trim(opportunity_id) from raw.crm_opportunity_history
                                 where nullif(trim(opportunity_id), '') is not null and changed_date is not null)
    union all
    select 'history_export', trim(opportunity_id), changed_date, nullif(trim(stage), ''), amount_eur,
        expected_close_date
    from raw.crm_opportunity_history
    where nullif(trim(opportunity_id), '') is not null and changed_date is not null
    qualify latest_row_per(trim(opportunity_id), changed_date)
)
select d.history_source, d.opportunity_id, d.valid_from, coalesce(s.stage, d.stage) as stage, s.sort_order,
    s.status, s.probability, d.amount_eur, d.expected_close_date
from delivered d
left join opportunity_stage_spelling s on s.spelling = lower(d.stage);

delete from core.opportunity_history;

insert into core.opportunity_history
with changed as (
    select *,
        (stage, amount_eur, expected_close_date) is distinct from lag((stage, amount_eur, expected_close_date))
            over (partition by opportunity_id order by valid_from) as is_change
    from opportunity_state
),
versions as (
    select * from changed where is_change
)
select
    opportunity_id,
    valid_from,
    coalesce(lead(valid_from) over w - 1, date '9999-12-31') as valid_to,
    lead(valid_from) over w is null as is_current,
    cast(row_number() over w as integer) as version,
    stage,
    sort_order,
    status,
    probability,
    amount_eur,
    expected_close_date,
    history_source
from versions
window w as (partition by opportunity_id order by valid_from);

-- what 75_opportunity_order.sql last found for each opportunity and order number, kept: otherwise every rebuild
-- here would reset it and every night run both scripts again, each undoing the other's table (a night on which the
-- order check changes an answer still makes the next night build the opportunities once more, keeping it)
create or replace temp table opportunity_order_known as
select opportunity_id, erp_order_no, erp_order_found from core.opportunity where erp_order_found;

delete from core.opportunity;

insert into core.opportunity
with stage_run as (
    select opportunity_id,
        max(valid_from) filter (where stage_changed) as last_stage_change,
        min(valid_from) as first_seen
    from (
        select opportunity_id, valid_from,
            stage is distinct from lag(stage) over (partition by opportunity_id order by valid_from) as stage_changed
        from core.opportunity_history
    )
    group by opportunity_id
),
newest_snapshot as (
    select * from opportunity_snapshot
    qualify row_number() over (partition by opportunity_id order by snapshot_date desc nulls last) = 1
)
select
    h.opportunity_id,
    n.account_id,
    x.customer_id,
    g.sales_region,
    n.product_group,
    n.lead_source,
    ch.channel_code,
    n.opportunity_owner,
    coalesce(n.created_date, r.first_seen) as created_date,
    h.stage,
    h.stage_order,
    h.status,
    h.probability,
    h.amount_eur,
    h.expected_close_date,
    case when h.status in ('won', 'lost') then coalesce(n.closed_date, r.last_stage_change) end as closed_date,
    case when h.status = 'lost' then n.lost_reason end as lost_reason,
    n.margin_pct,
    case when h.status = 'won' then n.erp_order_no end as erp_order_no,
    -- whether the order arrived: 75_opportunity_order.sql, which runs when the order lines change (its last answer
    -- for the same order number until then)
    k.opportunity_id is not null as erp_order_found,
    r.last_stage_change,
    h.history_source
from core.opportunity_history h
join stage_run r using (opportunity_id)
left join newest_snapshot n using (opportunity_id)
left join core.customer_xref x on x.source_system = 'crm' and x.source_key = n.account_id
left join core.customer_golden g on g.customer_id = x.customer_id
left join core.dim_channel ch on lower(n.channel) in (lower(ch.channel_code), lower(ch.channel_name_de), lower(ch.channel_name_en),
    lower(ch.erp_spelling))
left join opportunity_order_known k
    on k.opportunity_id = h.opportunity_id and k.erp_order_no = case when h.status = 'won' then n.erp_order_no end
where h.is_current;
