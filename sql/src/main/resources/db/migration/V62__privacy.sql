-- Personal data (#21): what an erasure leaves behind (its audit and the suppression list that keeps the person out of
-- later deliveries), the rows a file's suppression dropped, and what retention purged.

-- The keyed hashes of an erased person's identifiers: HMAC-SHA256 (hex) of the normalised e-mail (lower case), phone
-- (digits only) or name (lower case, accents and repeated blanks removed), keyed with the installation's secret
-- (privacy.key beside the warehouse file). A delivered row holding one of them is dropped at ingest. Key: hash.
create table ops.privacy_suppression (
    identifier_hash     varchar primary key,
    kind                varchar not null,   -- email, phone, name
    erasure_id          varchar not null,
    added_at            timestamp not null
);

-- One row per erasure, without the erased data: when, by whom, which kinds of identifier, how much was changed where.
-- Key: erasure_id.
create table ops.privacy_audit (
    erasure_id          varchar primary key,
    erased_at           timestamp not null,
    requested_by        varchar,            -- the operating-system user who ran salesbi privacy erase
    identifier_kinds    varchar not null,   -- e.g. 'email, phone'
    warehouse_values    bigint not null,    -- values pseudonymised in warehouse tables
    files_rewritten     bigint not null,    -- archived and error files rewritten
    places              varchar not null    -- per place the number of values changed, e.g. 'raw.crm_contact 3; archive/crm 1 file'
);

-- Rows of a delivered file dropped because they hold a suppressed person: delivered = loaded + rejected + filtered
-- + suppressed.
alter table ops.file_load add column rows_suppressed bigint default 0;

-- What retention purged at the end of a night: one row per kind (archive, error, quarantine, run_history).
create table ops.retention_purge (
    run_id              bigint,
    purged_at           timestamp not null,
    kind                varchar not null,
    keep_days           integer not null,
    cutoff              timestamp not null,
    purged              bigint not null     -- files deleted (archive, error) or rows deleted (quarantine, run history)
);
