-- Consolidate core.dim_region: every sales region of a customer version or the market study, with its English name
-- and export flag from the reference vocabulary (reference/regions.csv).
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

delete from core.dim_region;

insert into core.dim_region
select u.region,
    coalesce(r.name_en, u.region),
    coalesce(r.is_export, u.region = 'Export')
from (
    select sales_region as region from core.dim_customer where sales_region is not null
    union
    select region from core.fact_market_volume
) u
left join ref.region r on r.region = u.region;
