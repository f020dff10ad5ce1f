-- kpi.cross_sell_gap
-- What: product categories a customer does not buy although most of its industry peers do: cross-sell offers.
-- One row: golden customer × product category it does not buy but more than cross_sell_min_peer_share of its peers do.
-- Key: customer_id, product_category.
-- Formula: active buyers = golden customers with order lines in the cross_sell_lookback_months up to the as-of
--   date; peers = the other active buyers of the same (current) industry; peer_buyer_share = peers buying the
--   category / peers.
-- Sources: core.fact_order_line, core.dim_customer (current version), ops.parameter.
-- Caveats: a customer without active peers in its industry gets no suggestions; credit notes are ignored.
-- Policy: customer(customer_id)
create or replace view kpi.cross_sell_gap as
with lookback as (
    -- the window as dates, computed once: a timestamp bound made DuckDB cast every order line's date (0.1 s at scale 10)
    select cast(ops.as_of_date() - to_months(cast(ops.param_double('cross_sell_lookback_months') as integer)) as date)
            as after_date,
        ops.as_of_date() as through_date
),
bought as (
    select distinct o.customer_id, o.product_category
    from core.fact_order_line o
    where o.customer_id is not null
        and o.document_date > (select after_date from lookback)
        and o.document_date <= (select through_date from lookback)
),
buyer as (
    select distinct b.customer_id, c.company_name, c.industry
    from bought b
    join core.dim_customer c on c.customer_id = b.customer_id and c.is_current
    where c.industry is not null
),
industry_size as (
    select industry, count(*) as buyers from buyer group by industry
),
category_buyers as (
    select c.industry, b.product_category, count(*) as buyers
    from bought b
    join buyer c using (customer_id)
    group by c.industry, b.product_category
)
-- the customer does not buy the category, so all of its buyers in the industry are peers
select me.customer_id, me.company_name, me.industry, cb.product_category,
    cast(cb.buyers as double) / (z.buyers - 1) as peer_buyer_share
from buyer me
join industry_size z on z.industry = me.industry and z.buyers > 1
join category_buyers cb on cb.industry = me.industry
where cast(cb.buyers as double) / (z.buyers - 1) > ops.param_double('cross_sell_min_peer_share')
    and not exists (
        select 1 from bought b where b.customer_id = me.customer_id and b.product_category = cb.product_category);
