-- core.opportunity and core.opportunity_history lose their primary key index (issue #22), as the baseline's rule
-- says for every table the night deletes and fills again: sql/consolidate/70_opportunity.sql replaces both tables
-- whole each night their sources or the order lines change, and committing that delete and re-insert through a
-- DuckDB key index took 16.4 s (1.65 M history rows) and 8.9 s (326,000 opportunities) at scale 100, 0.04 s
-- without it: 24 of the 108 s of an incremental night. The keys stay declared not null and are checked before every
-- publication by sql/assert/45_keys_unique.sql. DuckDB cannot drop a primary key, so each table is copied into one
-- of the same columns without it; the views that read them bind by name and need no change.

create table core.opportunity_unkeyed (
    opportunity_id       varchar not null,   -- key
    account_id           varchar,
    customer_id          varchar,
    sales_region         varchar,
    product_group        varchar,
    lead_source          varchar,
    channel_code         varchar,
    opportunity_owner    varchar,
    created_date         date,
    stage                varchar,
    stage_order          integer,
    status               varchar,
    probability          decimal(5, 4),
    amount_eur           decimal(18, 2),
    expected_close_date  date,
    closed_date          date,
    lost_reason          varchar,
    margin_pct           decimal(9, 4),
    erp_order_no         varchar,
    erp_order_found      boolean not null,
    last_stage_change    date,
    history_source       varchar not null
);
insert into core.opportunity_unkeyed select * from core.opportunity;
drop table core.opportunity;
alter table core.opportunity_unkeyed rename to opportunity;

create table core.opportunity_history_unkeyed (
    opportunity_id       varchar not null,   -- key, with valid_from
    valid_from           date not null,
    valid_to             date not null,
    is_current           boolean not null,
    version              integer not null,
    stage                varchar,
    stage_order          integer,
    status               varchar,
    probability          decimal(5, 4),
    amount_eur           decimal(18, 2),
    expected_close_date  date,
    history_source       varchar not null
);
insert into core.opportunity_history_unkeyed select * from core.opportunity_history;
drop table core.opportunity_history;
alter table core.opportunity_history_unkeyed rename to opportunity_history;
