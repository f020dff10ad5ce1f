-- What the last night built incrementally from, per subject (order line validation, order line facts), so that a
-- night with a few new files touches only what changed. A subject is rebuilt in full when its row is missing, its
-- reference data (debtor and product masters, exchange rates, channels, parameters) changed, the rows it was built
-- from changed behind its back, or the night runs with --full. The scripts in sql/validate and sql/consolidate
-- read and write it in their step's transaction.
create table ops.incremental_state (
    subject             varchar primary key,   -- 'order_line_validation', 'order_line_fact'
    reference_checksum  varchar not null,      -- content checksum of the reference data the subject was checked against
    through_load_id     bigint not null,       -- the highest raw load id included
    rows_through        bigint not null,       -- raw rows with a load id up to through_load_id, at that time
    as_of_date          date not null,         -- the business date it was built for
    run_id              bigint,                -- the night that built it last
    mode                varchar not null,      -- how: 'full' or 'incremental'
    rows_processed      bigint not null        -- rows it checked or wrote that night
);

-- Order line keys that validation changed (added, replaced, removed or newly rejected) since consolidation last
-- built core.fact_order_line from them; a row with document_no null means all of them (a full revalidation).
-- Validation appends, consolidation consumes in its own transaction: a night interrupted in between loses nothing.
create table staging.erp_order_line_changed (
    document_no varchar,
    line_no     integer
);

-- Written by the night: true when it runs with --full, so that every subject above is rebuilt in full.
insert into ops.parameter (name, value) values ('full_rebuild', 'false');
insert into ops.parameter_default (name, value) values ('full_rebuild', 'false');
