-- kpi.customer_channel
-- What: the channels each golden customer bought through in a year, with its net order revenue and order lines in
--   each (multi-channel customers, channel migration, the customers page's channel filter).
-- One row: golden customer × year × channel.
-- Key: customer_id, year, channel_code.
-- Formula: net_revenue_eur = net amounts (EUR) of the customer's order lines of the year through the channel;
--   order_lines = their number.
-- Sources: core.fact_order_line (ERP order lines with customer).
-- Caveats: order lines of unmatched debtors are left out; credit notes are not included.
-- Policy: customer(customer_id)
create or replace view kpi.customer_channel as
select
    customer_id,
    year,
    channel_code,
    cast(sum(net_amount_eur) as decimal(18, 2)) as net_revenue_eur,
    cast(count(*) as bigint) as order_lines
from core.fact_order_line
where customer_id is not null
group by all;

-- kpi.channel_mix
-- What: how many customers buy through one, two or three and more channels (multi-channel customers).
-- One row: year × number of channels used.
-- Key: year, channels_used.
-- Formula: channels used = distinct channels of a golden customer's order lines in the year, bucketed '1', '2',
--   '3+'; customers = number of golden customers in the bucket.
-- Sources: kpi.customer_channel (ERP order lines with customer).
-- Caveats: order lines of unmatched debtors are left out; credit notes do not count as using a channel.
-- Policy: aggregate
create or replace view kpi.channel_mix as
with used as (
    select year, customer_id, count(*) as channels
    from kpi.customer_channel
    group by year, customer_id
)
select
    year,
    case when channels >= 3 then '3+' else cast(channels as varchar) end as channels_used,
    cast(count(*) as bigint) as customers
from used
group by all;

-- kpi.channel_migration
-- What: customers whose main channel changed from last year (channel migration, e.g. field sales to web shop).
-- One row: golden customer × year in which its main channel differs from the previous year's.
-- Key: customer_id, year.
-- Formula: main channel = the channel with the highest net revenue of the customer's order lines in the year (ties
--   by channel sort order); revenue_eur and previous_revenue_eur are the customer's net order revenue in the two
--   years.
-- Sources: kpi.customer_channel (ERP order lines), core.dim_channel, core.dim_customer (current name).
-- Caveats: a customer who did not buy in the previous year does not appear; credit notes are not included.
-- Policy: customer(customer_id)
create or replace view kpi.channel_migration as
with channel_revenue as (
    select o.customer_id, o.year, o.channel_code, c.sort_order, o.net_revenue_eur as revenue_eur
    from kpi.customer_channel o
    join core.dim_channel c using (channel_code)
),
main_channel as (
    -- the channel with the highest revenue, ties by sort order (a window rather than arg_max: portable to Spark)
    select customer_id, year, main_channel, revenue_eur
    from (
        select customer_id, year, channel_code as main_channel,
            sum(revenue_eur) over (partition by customer_id, year) as revenue_eur,
            row_number() over (partition by customer_id, year order by revenue_eur desc, sort_order) as channel_rank
        from channel_revenue
    ) ranked
    where channel_rank = 1
)
select
    m.customer_id,
    d.company_name,
    m.year,
    p.main_channel as previous_main_channel,
    m.main_channel,
    cast(p.revenue_eur as decimal(18, 2)) as previous_revenue_eur,
    cast(m.revenue_eur as decimal(18, 2)) as revenue_eur
from main_channel m
join main_channel p on p.customer_id = m.customer_id and p.year = m.year - 1
left join core.dim_customer d on d.customer_id = m.customer_id and d.is_current
where p.main_channel <> m.main_channel;
