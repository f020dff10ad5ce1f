-- core.opportunity and core.opportunity_history lose their primary key index (issue #22), as the baseline's rule
-- says for every table the night deletes and fills again: sql/consolidate/70_opportunity.sql replaces both tables
-- whole each night their sources or the order lines change, and committing that delete and re-insert through a
-- DuckDB key index took 16.4 s (1.65 M history rows) and 8.9 s (326,000 opportunities) at scale 100, 0.04 s
-- without it: 24 of the 108 s of an incremental night. The keys stay declared not null and are checked before every
-- publication by sql/assert/45_keys_unique.sql. DuckDB cannot drop a primary key, so each table is copied (same columns,
-- types and order) and its not-null columns declared again; the views that read them bind by name and need no change.

create table core.opportunity_unkeyed as select * from core.opportunity;
alter table core.opportunity_unkeyed alter column opportunity_id set not null;   -- key
alter table core.opportunity_unkeyed alter column erp_order_found set not null;
alter table core.opportunity_unkeyed alter column history_source set not null;
drop table core.opportunity;
alter table core.opportunity_unkeyed rename to opportunity;

create table core.opportunity_history_unkeyed as select * from core.opportunity_history;
alter table core.opportunity_history_unkeyed alter column opportunity_id set not null;   -- key, with valid_from
alter table core.opportunity_history_unkeyed alter column valid_from set not null;
alter table core.opportunity_history_unkeyed alter column valid_to set not null;
alter table core.opportunity_history_unkeyed alter column is_current set not null;
alter table core.opportunity_history_unkeyed alter column version set not null;
alter table core.opportunity_history_unkeyed alter column history_source set not null;
drop table core.opportunity_history;
alter table core.opportunity_history_unkeyed rename to opportunity_history;
