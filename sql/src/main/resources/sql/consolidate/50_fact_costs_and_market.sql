-- Consolidate channel costs (core.fact_channel_cost, channel_code null = shared pool), cost-to-serve drivers per
-- golden customer (core.fact_service_driver; drivers of unmatched debtors are left out) and the market study with
-- its largest competitor (core.fact_market_volume).
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

delete from core.fact_channel_cost;

insert into core.fact_channel_cost
select channel_code, cost_month, cast(year(cost_month) as integer), cast(month(cost_month) as integer), cost_type,
    sum(amount_eur)
from staging.channel_cost
group by all;

delete from core.fact_service_driver;

insert into core.fact_service_driver
select x.customer_id, s.year,
    cast(sum(s.visits) as bigint), cast(sum(s.support_tickets) as bigint), cast(sum(s.special_deliveries) as bigint)
from staging.service_driver s
join core.customer_xref x on x.source_system = 'erp' and x.source_key = s.debtor_no
group by all;

delete from core.fact_market_volume;

insert into core.fact_market_volume
with competitor as (
    select industry, region, year, competitor_1 as competitor, cast(share_1 as double) as share, 1 as position
    from staging.market_volume
    union all
    select industry, region, year, competitor_2, cast(share_2 as double), 2 from staging.market_volume
    union all
    select industry, region, year, competitor_3, cast(share_3 as double), 3 from staging.market_volume
),
largest as (
    select industry, region, year, competitor, share
    from competitor
    where competitor is not null and share is not null
    qualify row_number() over (partition by industry, region, year order by share desc, position) = 1
)
select m.industry, m.region, m.year, m.market_volume_eur, c.competitor, c.share,
    m.competitor_1, cast(m.share_1 as double), m.competitor_2, cast(m.share_2 as double),
    m.competitor_3, cast(m.share_3 as double)
from staging.market_volume m
left join largest c using (industry, region, year);
