-- Consolidate core.dim_region: every sales region of a customer version or the market study.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

delete from core.dim_region;

insert into core.dim_region
select region,
    case region when 'Nord' then 'North' when 'Süd' then 'South' when 'Ost' then 'East' else region end,
    region = 'Export'
from (
    select sales_region as region from core.dim_customer where sales_region is not null
    union
    select region from core.fact_market_volume
);
