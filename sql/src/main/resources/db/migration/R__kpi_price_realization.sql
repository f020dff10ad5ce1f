-- kpi.price_realization
-- What: how much of the list price each channel realizes per product category: shows price erosion and channel
--   conflict (the same product sold cheaper online than through the field force).
-- One row: channel × product category × year.
-- Key: channel_code, product_category, year.
-- Formula: list_revenue_eur = Σ quantity × list price (EUR); net_revenue_eur = Σ quantity × net price (EUR);
--   price_realization = net_revenue_eur / list_revenue_eur.
-- Sources: core.fact_order_line (ERP order lines), core.dim_channel.
-- Caveats: credit notes are not included (they are not tied to a list price); lines with list price 0 give a
--   null realization when they are all a row has.
-- Policy: aggregate
create or replace view kpi.price_realization as
select
    o.channel_code,
    c.channel_name_de,
    c.channel_name_en,
    o.product_category,
    o.year,
    cast(sum(o.list_amount_eur) as decimal(18, 2)) as list_revenue_eur,
    cast(sum(o.net_amount_eur) as decimal(18, 2)) as net_revenue_eur,
    cast(sum(o.net_amount_eur) as double) / nullif(cast(sum(o.list_amount_eur) as double), 0) as price_realization
from core.fact_order_line o
join core.dim_channel c using (channel_code)
group by o.channel_code, c.channel_name_de, c.channel_name_en, o.product_category, o.year;
