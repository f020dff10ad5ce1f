-- The pipeline KPIs reconcile with the opportunities they come from (core.opportunity): the weighted open pipeline,
-- the won and lost amounts by channel and lead source, the return per channel and the data-quality count; and the
-- stage vocabulary makes sense (status open, won or lost; probability between 0 and 1). Reads the night's KPI
-- snapshot (kpi_snapshot), the views as they are published.
with source as (
    select
        coalesce(sum(round(amount_eur * probability, 2)) filter (where status = 'open'), 0) as weighted_open_eur,
        coalesce(sum(amount_eur) filter (where status = 'won'), 0) as won_eur,
        coalesce(sum(amount_eur) filter (where status = 'lost'), 0) as lost_eur,
        count(*) as opportunities
    from core.opportunity
),
published as (
    select
        (select coalesce(sum(weighted_amount_eur), 0) from kpi_snapshot.pipeline_open) as weighted_open_eur,
        (select coalesce(sum(won_amount_eur), 0) from kpi_snapshot.pipeline_win_rate) as won_eur,
        (select coalesce(sum(lost_amount_eur), 0) from kpi_snapshot.pipeline_win_rate) as lost_eur,
        (select coalesce(sum(won_revenue_eur), 0) from kpi_snapshot.pipeline_channel_return) as return_won_eur,
        (select max(opportunities) from kpi_snapshot.dq_opportunity) as opportunities
)
select 'weighted open pipeline in kpi.pipeline_open is ' || p.weighted_open_eur || ' EUR but the open opportunities weigh '
    || s.weighted_open_eur || ' EUR (difference ' || (p.weighted_open_eur - s.weighted_open_eur) || ' EUR)' as message
from source s, published p
where p.weighted_open_eur <> s.weighted_open_eur
union all
select 'won / lost amounts in kpi.pipeline_win_rate are ' || p.won_eur || ' / ' || p.lost_eur
    || ' EUR but the won / lost opportunities sum to ' || s.won_eur || ' / ' || s.lost_eur || ' EUR'
from source s, published p
where p.won_eur <> s.won_eur or p.lost_eur <> s.lost_eur
union all
select 'won revenue in kpi.pipeline_channel_return is ' || p.return_won_eur || ' EUR but the won opportunities sum to '
    || s.won_eur || ' EUR'
from source s, published p
where p.return_won_eur <> s.won_eur
union all
select 'kpi.dq_opportunity counts ' || coalesce(cast(p.opportunities as varchar), 'no') || ' opportunities but core.opportunity has '
    || s.opportunities
from source s, published p
where p.opportunities is distinct from s.opportunities
union all
select 'stage ' || stage || ' of reference/opportunity_stages.csv has status ''' || coalesce(status, '') || ''' and probability '
    || coalesce(cast(probability as varchar), 'empty') || '; expected status open, won or lost and a probability from 0 to 1'
from ref.opportunity_stage
where coalesce(status, '') not in ('open', 'won', 'lost') or probability is null or probability < 0 or probability > 1;
