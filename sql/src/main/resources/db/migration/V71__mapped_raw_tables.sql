-- Raw tables the bundled mappings own (issue #19: adding a source touches the mapping, its validation script and a
-- test). A bundled mapping whose target no migration creates owns its raw table: when the warehouse is opened, after
-- Flyway, the table is created from the mapping (the lineage columns, then the mapping's fields in order with their
-- types) and recorded here; later fields appended to the mapping become columns, any other change stops the
-- warehouse from opening (docs/architecture.md, "Raw tables the mappings own"). Flyway never creates, alters or drops
-- such a table. A table whose mapping is gone keeps its rows.
create table ops.mapped_raw_table (
    table_name  varchar primary key,   -- e.g. 'raw.channel_price'
    mapping     varchar not null       -- the bundled mapping's name, e.g. 'channel_prices'
);

-- The fingerprint of the bundled mappings the owned tables were last brought up to date with (one row): an open whose
-- mappings have the same fingerprint has nothing to do and reads no mapping.
create table ops.mapped_raw_state (
    bundled_mappings varchar not null   -- SHA-256 of the mapping files and the rules that make their tables
);

-- Two tables of the baseline are exactly what their mappings describe (lineage, then the fields in order, the
-- strings varchar and the numbers integer), so they move to their mappings here: a field appended to
-- service_drivers.yaml or survey.yaml after this release becomes a column without a migration. The others stay with
-- their migrations (their decimals have precisions a mapping does not state, raw.erp_order_line has columns only
-- other mappings fill, and the customer sources feed matching).
insert into ops.mapped_raw_table (table_name, mapping) values
    ('raw.service_driver', 'service_drivers'),
    ('raw.survey_answer', 'survey');

-- The rows each load has in the staging table validated from a mapping-owned raw table, written by the validation
-- script's stage_validated(..., raw => raw.<table>) after it rebuilt the staging table, so that kpi.dq_file_rows
-- accounts for a new source's rows without naming its staging table. Key: raw_table, load_id.
create table ops.staged_rows (
    raw_table   varchar not null,      -- e.g. 'raw.channel_price'
    load_id     bigint not null,
    rows_staged bigint not null
);
