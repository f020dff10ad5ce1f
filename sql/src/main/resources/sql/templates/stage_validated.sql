-- The skeleton every validation script ends with, written once: a script says
--   stage_validated(subject => debtor, source => erp, target => staging.erp_debtor, columns => (debtor_no, ...));
-- and SqlTemplates puts these statements in its place. ${subject}_rejected holds the rows that broke a rule of the
-- subject (rules named '${subject}.<rule>'), ${candidates} (by default ${subject}_candidate) the latest delivered row
-- per key. The subject's earlier rejections are replaced by this run's, and the target is rebuilt from the candidates
-- that broke no rule: ${columns} are the candidates' columns in the order of the target's columns.

delete from quarantine.rejected_row where stage = 'validate' and rule like '${subject}.%';

insert into quarantine.rejected_row
    (load_id, run_id, stage, source, source_file, sheet, row_number, column_name, raw_value, rule, message)
select _load_id, cast(ops.param('run_id') as bigint), 'validate', '${source}', _source_file, _sheet, _row_number,
    column_name, raw_value, rule, message
from ${subject}_rejected;

delete from ${target};

insert into ${target}
select ${columns}
from ${candidates} c
where not exists (
    select 1 from ${subject}_rejected r
    where r._load_id = c._load_id and r._row_number = c._row_number and r._sheet is not distinct from c._sheet);
