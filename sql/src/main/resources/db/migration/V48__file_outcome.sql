-- An honest night: what became of each delivered file once every stage had its say, and how the night ended.

-- The share of quarantined rows above which the file's mapping rejects it (0.2 = 20 %), recorded when the file is
-- loaded, so that a file judged later (after validation) is judged by the mapping it was loaded with.
alter table ops.file_load add column max_reject_ratio double;

-- One row per file a night took (its ops.file_load row): delivered rows against the distinct rows quarantined in any
-- stage (ingest, validate), whether the file counts as rejected and the rules that rejected most. Key: load_id.
create table ops.file_outcome (
    load_id             bigint primary key,
    run_id              bigint not null,
    source              varchar not null,
    file_name           varchar not null,
    rows_delivered      bigint not null,
    rows_quarantined    bigint not null,
    quarantined_share   double,
    max_reject_ratio    double,
    rejected            boolean not null,
    top_rule            varchar,            -- the rule that quarantined most of the file's rows (or the load's reason)
    top_rule_rows       bigint,
    rules               varchar             -- the three rules that quarantined most, e.g. 'order_line.unknown_debtor 12; ...'
);

-- One row per night that ran to its end: the night's outcome as salesbi tells it (the job's own status stays
-- COMPLETED). Key: run_id.
create table ops.night_outcome (
    run_id              bigint primary key,
    outcome             varchar not null,   -- COMPLETED, COMPLETED_WITH_WARNINGS
    files_taken         bigint not null,    -- files loaded or failed this night (duplicates not counted)
    files_rejected      bigint not null,
    rows_delivered      bigint not null,
    rows_passed         bigint not null,    -- delivered rows not quarantined in any stage
    message             varchar,
    decided_at          timestamp not null
);
