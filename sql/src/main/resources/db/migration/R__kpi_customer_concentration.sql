-- kpi.customer_concentration
-- What: how much of a year's revenue hangs on a few customers (Kundenkonzentration): the top customer's share, the
--   share of the top 20 % of customers, and the Herfindahl index.
-- One row: year.
-- Key: year.
-- Formula: revenue = net order revenue of golden customers in the year (customers with revenue > 0 count);
--   top_customer_share = largest customer's revenue / revenue; top_20pct_share = revenue of the ceil(20 % x customers)
--   largest customers / revenue; hhi = sum of squared revenue shares (1 = one customer, 1/n = n equal customers).
-- Sources: kpi.customer_channel (core.fact_order_line: ERP order lines with customer).
-- Caveats: order lines of unmatched debtors and credit notes are left out; a group of companies counts as separate
--   customers unless the match merged them.
-- Policy: aggregate
create or replace view kpi.customer_concentration as
with revenue as (
    select year, customer_id, sum(net_revenue_eur) as revenue_eur
    from kpi.customer_channel
    group by year, customer_id
    having sum(net_revenue_eur) > 0
),
ranked as (
    select *,
           row_number() over (partition by year order by revenue_eur desc, customer_id) as position,
           count(*) over (partition by year) as customers,
           sum(revenue_eur) over (partition by year) as total_eur
    from revenue
)
select
    year,
    cast(max(customers) as bigint) as customers,
    cast(max(total_eur) as decimal(18, 2)) as revenue_eur,
    round(cast(max(revenue_eur) as double) / cast(max(total_eur) as double), 4) as top_customer_share,
    round(cast(sum(revenue_eur) filter (where position <= ceil(0.2 * customers)) as double)
        / cast(max(total_eur) as double), 4) as top_20pct_share,
    round(sum((cast(revenue_eur as double) / cast(total_eur as double))
        * (cast(revenue_eur as double) / cast(total_eur as double))), 4) as hhi
from ranked
group by year;
