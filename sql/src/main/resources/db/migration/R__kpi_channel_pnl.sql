-- kpi.channel_pnl
-- What: the P&L of every sales channel per month (kanalspezifische G&V): does the channel earn its costs?
-- One row: channel × year × month with revenue or channel costs.
-- Key: channel_code, year, month.
-- Formula: net_revenue_eur = order lines minus credit notes (EUR); cost_of_goods_eur = quantity × standard cost;
--   gross_margin_eur (Deckungsbeitrag I, contribution before cost to serve) = net revenue - cost of goods;
--   direct_channel_cost_eur = the channel's lines of the channel cost sheet; allocated_cost_eur = the month's
--   shared cost pool × the channel's share of the allocation key (parameter channel_cost_allocation_key: revenue =
--   net revenue, orders = order documents, customers = distinct customers), rounded to the cent;
--   contribution_margin_eur (Kanal-Deckungsbeitrag, channel contribution after channel costs; not Deckungsbeitrag
--   II, which is per customer after cost to serve) = gross margin - direct - allocated cost;
--   roi = contribution / (direct + allocated cost).
-- Sources: core.sales_line (ERP order lines, credit notes), core.fact_channel_cost (controlling's channel costs),
--   core.dim_channel, ops.parameter.
-- Caveats: cost of goods, margins and roi are null ("not available") when a line's product has no standard cost;
--   a month with shared costs but no channel activity allocates nothing; the rounded allocations of a month
--   may differ from the pool by a cent; roi is null without costs.
-- Policy: aggregate
create or replace view kpi.channel_pnl as
with revenue as (
    select channel_code, year, month,
        sum(net_amount_eur) as net_revenue_eur,
        -- null ("not available") when a line's product has no standard cost: never a cost of 0
        case when count(cost_of_goods_eur) = count(*) then sum(cost_of_goods_eur) end as cost_of_goods_eur
    from core.sales_line
    where channel_code is not null
    group by all
),
-- Distinct orders and customers per channel and month cost a distinct aggregate over every line: counted only when
-- the allocation key asks for them (the filter is constant, so otherwise no line reaches the aggregate).
allocation_count as (
    select channel_code, year, month,
        count(distinct document_key) filter (where kind = 'order') as orders,
        count(distinct customer_id) as customers
    from core.sales_line
    where channel_code is not null and ops.param('channel_cost_allocation_key') in ('orders', 'customers')
    group by all
),
direct_cost as (
    select channel_code, year, month, sum(amount_eur) as direct_channel_cost_eur
    from core.fact_channel_cost
    where channel_code is not null
    group by all
),
shared_cost as (
    select year, month, sum(amount_eur) as shared_cost_eur
    from core.fact_channel_cost
    where channel_code is null
    group by all
),
grid as (
    select channel_code, year, month from revenue
    union
    select channel_code, year, month from direct_cost
),
keyed as (
    select g.channel_code, g.year, g.month,
        coalesce(r.net_revenue_eur, 0) as net_revenue_eur,
        case when r.channel_code is null then 0 else r.cost_of_goods_eur end as cost_of_goods_eur,
        coalesce(d.direct_channel_cost_eur, 0) as direct_channel_cost_eur,
        case ops.param('channel_cost_allocation_key')
            when 'orders' then cast(coalesce(n.orders, 0) as double)
            when 'customers' then cast(coalesce(n.customers, 0) as double)
            else cast(coalesce(r.net_revenue_eur, 0) as double)
        end as key_value
    from grid g
    left join revenue r using (channel_code, year, month)
    left join direct_cost d using (channel_code, year, month)
    left join allocation_count n using (channel_code, year, month)
),
allocated as (
    select k.*,
        cast(coalesce(round(s.shared_cost_eur * k.key_value / nullif(sum(k.key_value) over (partition by k.year, k.month), 0), 2), 0)
            as decimal(18, 2)) as allocated_cost_eur
    from keyed k
    left join shared_cost s using (year, month)
)
select
    a.channel_code,
    c.channel_name_de,
    c.channel_name_en,
    a.year,
    a.month,
    cast(a.net_revenue_eur as decimal(18, 2)) as net_revenue_eur,
    cast(a.cost_of_goods_eur as decimal(18, 2)) as cost_of_goods_eur,
    cast(a.net_revenue_eur - a.cost_of_goods_eur as decimal(18, 2)) as gross_margin_eur,
    cast(a.direct_channel_cost_eur as decimal(18, 2)) as direct_channel_cost_eur,
    a.allocated_cost_eur,
    cast(a.net_revenue_eur - a.cost_of_goods_eur - a.direct_channel_cost_eur - a.allocated_cost_eur as decimal(18, 2))
        as contribution_margin_eur,
    cast(a.net_revenue_eur - a.cost_of_goods_eur - a.direct_channel_cost_eur - a.allocated_cost_eur as double)
        / nullif(cast(a.direct_channel_cost_eur + a.allocated_cost_eur as double), 0) as roi
from allocated a
join core.dim_channel c using (channel_code);

-- kpi.channel_pnl_year
-- What: the channel P&L per year, the sum of the months of kpi.channel_pnl.
-- One row: channel × year.
-- Key: channel_code, year.
-- Formula: amounts are the sums of kpi.channel_pnl's months; roi = contribution / (direct + allocated cost) of the
--   year.
-- Sources: kpi.channel_pnl.
-- Caveats: as kpi.channel_pnl.
-- Policy: aggregate
create or replace view kpi.channel_pnl_year as
select
    channel_code,
    channel_name_de,
    channel_name_en,
    year,
    cast(sum(net_revenue_eur) as decimal(18, 2)) as net_revenue_eur,
    cast(case when count(cost_of_goods_eur) = count(*) then sum(cost_of_goods_eur) end as decimal(18, 2)) as cost_of_goods_eur,
    cast(case when count(gross_margin_eur) = count(*) then sum(gross_margin_eur) end as decimal(18, 2))
        as gross_margin_eur,
    cast(sum(direct_channel_cost_eur) as decimal(18, 2)) as direct_channel_cost_eur,
    cast(sum(allocated_cost_eur) as decimal(18, 2)) as allocated_cost_eur,
    cast(case when count(contribution_margin_eur) = count(*) then sum(contribution_margin_eur) end
        as decimal(18, 2)) as contribution_margin_eur,
    cast(case when count(contribution_margin_eur) = count(*) then sum(contribution_margin_eur) end as double)
        / nullif(cast(sum(direct_channel_cost_eur) + sum(allocated_cost_eur) as double), 0) as roi
from kpi.channel_pnl
group by channel_code, channel_name_de, channel_name_en, year;
