-- Consolidate reference data: staging.erp_fx_rate -> core.fx_rate, staging.erp_product -> core.dim_product.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

delete from core.fx_rate;

insert into core.fx_rate
select currency, rate_month, rate_per_eur
from staging.erp_fx_rate
where currency <> coalesce(ops.param('home_currency'), 'EUR');

delete from core.dim_product;

insert into core.dim_product
select product_no, product_name, product_category, list_price, standard_cost, unit
from staging.erp_product;
