-- A warehouse for tests of snapshots: the number of the published night in one table of each schema, so a query
-- joining or uniting both schemas runs as several DuckDB queries (one per schema) and shows which night each read.

create schema if not exists core;
create schema if not exists kpi;

create table core.night_marker (night integer, revenue_eur decimal(18, 2));
insert into core.night_marker values (1, 100.00);

create table kpi.night_total (night integer, revenue_eur decimal(18, 2));
insert into kpi.night_total values (1, 100.00);
