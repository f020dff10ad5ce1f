-- kpi.market_share
-- What: our share of each market segment in the market study, its change and the volume not yet won.
-- One row: industry × region × year of the market study.
-- Key: industry, region, year.
-- Formula: own_revenue_eur = net revenue (order lines minus credit notes, EUR) of customers whose segment on the
--   document date is the industry and region; market_share = own_revenue_eur / market_volume_eur;
--   share_change_pp = (market_share - market_share_prev_year) × 100; relative_market_share = market_share /
--   largest_competitor_share; white_space_eur = max(market_volume_eur - own_revenue_eur, 0).
-- Sources: kpi.sales_cube_month (core.sales_fact: ERP order lines and credit notes, core.dim_customer SCD2),
--   core.fact_market_volume (market study).
-- Caveats: only segments the market study covers appear; revenue of unmatched debtors counts nowhere; the
--   market study's region must use the sales regions (Nord, Süd, West, Ost, Export); market_share_prev_year is null
--   without a study row for the previous year.
-- Policy: aggregate
create or replace view kpi.market_share as
with own as (
    -- the month cube's lines of matched customers: lines of unmatched debtors are its '(unmapped)' segment and
    -- region, which no market study row has
    select industry, sales_region as region, year, sum(net_revenue_eur) as own_revenue_eur
    from kpi.sales_cube_month
    group by all
),
share as (
    select
        m.industry,
        m.region,
        m.year,
        coalesce(o.own_revenue_eur, 0) as own_revenue_eur,
        m.market_volume_eur,
        cast(coalesce(o.own_revenue_eur, 0) as double) / cast(m.market_volume_eur as double) as market_share,
        m.largest_competitor,
        m.largest_competitor_share
    from core.fact_market_volume m
    left join own o using (industry, region, year)
)
select
    s.industry,
    s.region,
    s.year,
    cast(s.own_revenue_eur as decimal(18, 2)) as own_revenue_eur,
    cast(s.market_volume_eur as decimal(18, 2)) as market_volume_eur,
    s.market_share,
    p.market_share as market_share_prev_year,
    (s.market_share - p.market_share) * 100 as share_change_pp,
    s.largest_competitor,
    s.largest_competitor_share,
    s.market_share / nullif(s.largest_competitor_share, 0) as relative_market_share,
    cast(greatest(s.market_volume_eur - s.own_revenue_eur, 0) as decimal(18, 2)) as white_space_eur
from share s
left join share p on p.industry = s.industry and p.region = s.region and p.year = s.year - 1;
