-- Net revenue in the KPIs reconciles to the cent with the validated ERP rows: order lines (their delivered line total,
-- else quantity × net price, converted with the month's rate and rounded per line) minus credit notes, and the channel P&L with the sales cube.
-- Reads the night's KPI snapshot (kpi_snapshot, taken just before the checks), so the numbers checked are the ones
-- published.
with validated as (
    -- EUR lines need no rate: looking one up for each of 5 M lines cost three times the sum itself
    select cast(round(coalesce(o.line_amount, o.quantity * o.net_price), 2) as decimal(18, 2)) as amount_eur
    from staging.erp_order_line o
    where o.currency = coalesce(ops.param('home_currency'), 'EUR')
    union all
    select cast(round(coalesce(o.line_amount, o.quantity * o.net_price) / f.rate_per_eur, 2) as decimal(18, 2))
    from staging.erp_order_line o
    left join staging.erp_fx_rate f on f.currency = o.currency and f.rate_month = date_trunc('month', o.document_date)
    where o.currency <> coalesce(ops.param('home_currency'), 'EUR')
    union all
    select -cast(case when c.currency = coalesce(ops.param('home_currency'), 'EUR') then c.amount else round(c.amount / f.rate_per_eur, 2) end as decimal(18, 2))
    from staging.erp_credit_note c
    left join staging.erp_fx_rate f on f.currency = c.currency and f.rate_month = date_trunc('month', c.credit_date)
),
cube as (
    select coalesce(sum(net_revenue_eur), 0) as cube_eur,
        coalesce(sum(net_revenue_eur) filter (where channel_code is not null), 0) as cube_with_channel_eur
    from kpi_snapshot.sales_cube
),
total as (
    select
        (select coalesce(sum(amount_eur), 0) from validated) as validated_eur,
        cube.cube_eur,
        cube.cube_with_channel_eur,
        (select coalesce(sum(net_revenue_eur), 0) from kpi_snapshot.channel_pnl) as channel_pnl_eur
    from cube
)
select 'net revenue in kpi.sales_cube is ' || cube_eur || ' EUR but the validated order lines and credit notes sum to '
    || validated_eur || ' EUR (difference ' || (cube_eur - validated_eur) || ' EUR)' as message
from total
where cube_eur <> validated_eur
union all
select 'net revenue in kpi.channel_pnl is ' || channel_pnl_eur || ' EUR but kpi.sales_cube has ' || cube_with_channel_eur
    || ' EUR with a channel (difference ' || (channel_pnl_eur - cube_with_channel_eur) || ' EUR)'
from total
where channel_pnl_eur <> cube_with_channel_eur;
