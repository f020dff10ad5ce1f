-- A tiny warehouse for tests of running work: a small kpi view (what the server warms up on) and a view whose
-- query runs for hours in DuckDB unless it is interrupted (a filtered count over 10^12 generated rows).

create schema if not exists core;
create schema if not exists kpi;

create table core.market_fact (sales_region varchar, revenue_eur decimal(18, 2));
insert into core.market_fact values ('Nord', 1250000.50), ('Süd', 875000.25);

create view kpi.market_share as select sales_region, revenue_eur from core.market_fact;

create view kpi.slow_count as select count(*) as n from range(1000000000000) as t(i) where i % 7 = 3;
