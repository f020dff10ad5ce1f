-- Appended to stage_validated's skeleton when the script names the raw table it validates (raw => raw.<table>), as
-- the validation of a mapping-owned raw table does: the rows each load has in the rebuilt target, which
-- kpi.dq_file_rows counts as the load's current rows (the tables of the baseline are named in the view itself).

delete from ops.staged_rows where raw_table = '${raw}';

insert into ops.staged_rows (raw_table, load_id, rows_staged)
select '${raw}', _load_id, count(*)
from ${target}
group by _load_id;
