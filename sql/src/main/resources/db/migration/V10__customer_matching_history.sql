-- Tables of the customer matching step (pipeline, package match) beyond the contract tables of V2:
-- the scored pairs with their evidence, the history of customer ids, and the steward overrides applied.

-- One row per scored record pair at or above the review threshold, or decided by an id or an override.
-- Key: (record_key_1, record_key_2) with record_key_1 < record_key_2. Rebuilt by matchCustomersStep.
create table core.customer_match_pair (
    record_key_1        varchar not null,
    record_key_2        varchar not null,
    match_probability   double not null,
    match_weight        double not null,      -- log-odds of the match probability (natural log)
    decision            varchar not null,     -- match, review, non_match, id_match, id_conflict, forced_match, forced_split
    same_customer       boolean not null,     -- both records ended in the same golden customer
    evidence            varchar not null,     -- JSON object: field -> {level, weight, values}
    primary key (record_key_1, record_key_2)
);

-- One row per change of customer ids: a new customer, a merge of one customer into another, a split off an
-- existing customer, or the retirement of a customer whose records are all gone. Appended, never rewritten;
-- a re-run on unchanged input appends nothing.
create table core.customer_id_history (
    run_id              bigint not null,
    event               varchar not null,     -- new, merge, split, retire
    customer_id         varchar not null,     -- the customer the event is about (new id, surviving id, split-off id, retired id)
    related_customer_id varchar,              -- merge: the id merged away; split: the id split from
    record_count        integer not null      -- records of customer_id after the event (0 when retired)
);

-- One row per steward override read in the last run, and whether it could be applied. Rebuilt by matchCustomersStep.
create table core.customer_override (
    action              varchar not null,     -- force_match, force_split
    record_key_1        varchar not null,
    record_key_2        varchar not null,
    source_file         varchar not null,
    source_line         integer not null,
    status              varchar not null,     -- applied, unknown_record, conflict
    comment             varchar
);
