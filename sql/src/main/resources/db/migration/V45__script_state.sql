-- The fingerprint each skippable SQL script left (io.salesbi.sql.ScriptFingerprint): a checksum of the tables it
-- names and the parameters it reads, taken after its last run. A night skips the script while the fingerprint is
-- unchanged; --full runs it regardless.
create table ops.script_state (
    script      varchar primary key,   -- e.g. 'sql/validate/50_erp_credit_note.sql'
    fingerprint varchar not null,      -- md5 of the checksums
    run_id      bigint                 -- the night that ran it last
);
