-- The outcome of one night, once every stage had its say: for every file the night took (ops.file_load, duplicates
-- aside) its delivered rows against the distinct rows (load_id, sheet, row_number) quarantined in any stage, judged by
-- the max-reject-ratio its mapping had when it was loaded (0.5 when none was recorded). One row per load_id in
-- ops.file_outcome; one row per night in ops.night_outcome. Reads the night's run id from the temp table
-- outcome_night; replaces what an earlier decision on the same night wrote, so a resumed night decides again.

delete from ops.file_outcome where run_id = (select run_id from outcome_night);

delete from ops.night_outcome where run_id = (select run_id from outcome_night);

insert into ops.file_outcome
with taken as (
    select load_id, run_id, source, file_name, status, reason_code, max_reject_ratio,
        -- rows a mapping's row filter dropped (totals) are no business rows
        coalesce(rows_delivered, 0) - coalesce(rows_filtered, 0) as rows_delivered
    from ops.file_load
    where run_id = (select run_id from outcome_night) and status in ('LOADED', 'FAILED')
),
quarantined_row as (
    select distinct q.load_id, q.sheet, q.row_number, q.rule
    from quarantine.rejected_row q
    semi join taken t on t.load_id = q.load_id
),
quarantined as (
    select load_id, count(distinct (sheet, row_number)) as rows_quarantined
    from quarantined_row
    group by load_id
),
rule_ranked as (
    select load_id, rule, count(*) as rows,
        row_number() over (partition by load_id order by count(*) desc, rule) as rank
    from quarantined_row
    group by load_id, rule
),
rule_summary as (
    select load_id,
        max(rule) filter (where rank = 1) as top_rule,
        max(rows) filter (where rank = 1) as top_rule_rows,
        string_agg(rule || ' ' || rows, '; ' order by rank) filter (where rank <= 3) as rules
    from rule_ranked
    group by load_id
),
judged as (
    select t.*,
        coalesce(q.rows_quarantined, 0) as rows_quarantined,
        case when t.rows_delivered > 0 then coalesce(q.rows_quarantined, 0) / t.rows_delivered end as quarantined_share,
        coalesce(t.max_reject_ratio, 0.5) as ratio_applied,
        r.top_rule, r.top_rule_rows, r.rules
    from taken t
    left join quarantined q using (load_id)
    left join rule_summary r using (load_id)
)
select load_id, run_id, source, file_name, rows_delivered, rows_quarantined, quarantined_share, ratio_applied,
    status = 'FAILED' or coalesce(quarantined_share > ratio_applied, false) as rejected,
    case when status = 'FAILED' then coalesce(reason_code, 'failed') else top_rule end as top_rule,
    case when status = 'FAILED' then rows_delivered else top_rule_rows end as top_rule_rows,
    case when status = 'FAILED' then coalesce(reason_code, 'failed') else rules end as rules
from judged;

insert into ops.night_outcome
with night as (
    select
        count(*) as files_taken,
        count(*) filter (where rejected) as files_rejected,
        coalesce(sum(rows_delivered), 0) as rows_delivered,
        coalesce(sum(greatest(rows_delivered - rows_quarantined, 0)), 0) as rows_passed
    from ops.file_outcome
    where run_id = (select run_id from outcome_night)
)
select (select run_id from outcome_night),
    case when files_rejected > 0 or (rows_delivered > 0 and rows_passed = 0) then 'COMPLETED_WITH_WARNINGS'
        else 'COMPLETED' end,
    files_taken, files_rejected, rows_delivered, rows_passed,
    nullif(concat_ws('; ',
        case when files_rejected > 0 then files_rejected || ' of ' || files_taken || ' files rejected' end,
        case when rows_delivered > 0 and rows_passed = 0
            then 'none of the ' || rows_delivered || ' rows delivered passed validation: nothing new reaches the KPIs'
        end), ''),
    current_localtimestamp()
from night;
