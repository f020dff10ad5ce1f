-- Validate the sales-excellence self-assessment: raw.survey_answer -> staging.survey_answer (latest delivered answer
-- per wave, respondent and question wins; role, area and orientation become codes by ops.survey_code); rules
-- survey_answer.*: missing key, unknown role, area or orientation, score missing or outside the scale 1 to 5.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

create or replace temp table survey_answer_candidate as
select a.* replace (
        trim(a.wave) as wave,
        trim(a.respondent_id) as respondent_id,
        trim(a.question_id) as question_id,
        nullif(trim(a.question), '') as question,
        nullif(trim(a.comment), '') as comment),
    r.code as role_code, ar.code as area_code, o.code as orientation_code
from raw.survey_answer a
left join ops.survey_code r on r.kind = 'role' and lower(r.label) = lower(trim(a.respondent_role))
left join ops.survey_code ar on ar.kind = 'area' and lower(ar.label) = lower(trim(a.area))
left join ops.survey_code o on o.kind = 'orientation' and lower(o.label) = lower(trim(a.orientation))
where nullif(trim(a.wave), '') is not null and nullif(trim(a.respondent_id), '') is not null
    and nullif(trim(a.question_id), '') is not null
qualify row_number() over (partition by trim(a.wave), trim(a.respondent_id), trim(a.question_id)
    order by a._load_id desc, a._row_number desc) = 1;

create or replace temp table survey_answer_rejected as
select _load_id, _source_file, _sheet, _row_number,
    case when nullif(trim(wave), '') is null then 'wave'
        when nullif(trim(respondent_id), '') is null then 'respondent_id' else 'question_id' end as column_name,
    coalesce(wave, respondent_id, question_id) as raw_value,
    'survey_answer.missing_key' as rule,
    'survey answer without Welle, Befragter or Frage-Nr.; expected all three' as message
from raw.survey_answer
where nullif(trim(wave), '') is null or nullif(trim(respondent_id), '') is null or nullif(trim(question_id), '') is null
union all
select _load_id, _source_file, _sheet, _row_number, 'respondent_role', respondent_role, 'survey_answer.unknown_role',
    'respondent ' || respondent_id || ' of wave ' || wave || ' has role ' || coalesce('''' || respondent_role || '''', 'empty')
        || '; expected Selbstbild, Vertriebsleitung, Vertriebsmitarbeiter, Andere Abteilung or Kunde/Partner'
from survey_answer_candidate
where role_code is null
union all
select _load_id, _source_file, _sheet, _row_number, 'area', area, 'survey_answer.unknown_area',
    'question ' || question_id || ' of wave ' || wave || ' has area ' || coalesce('''' || area || '''', 'empty')
        || '; expected Vertriebsstrategie, Vertriebsmanagement, Kundenbeziehungsmanagement or Informationsmanagement'
from survey_answer_candidate
where area_code is null
union all
select _load_id, _source_file, _sheet, _row_number, 'orientation', orientation, 'survey_answer.unknown_orientation',
    'question ' || question_id || ' of wave ' || wave || ' has orientation ' || coalesce('''' || orientation || '''', 'empty')
        || '; expected Kundenorientierung, Leistungsorientierung or Teamorientierung'
from survey_answer_candidate
where orientation_code is null
union all
select _load_id, _source_file, _sheet, _row_number, 'score', cast(score as varchar), 'survey_answer.score_out_of_range',
    'respondent ' || respondent_id || ' of wave ' || wave || ' scored question ' || question_id || ' with '
        || coalesce(cast(score as varchar), 'nothing') || '; expected a whole number from 1 to 5'
from survey_answer_candidate
where score is null or score not between 1 and 5;

delete from quarantine.rejected_row where stage = 'validate' and rule like 'survey_answer.%';

insert into quarantine.rejected_row
    (load_id, run_id, stage, source, source_file, sheet, row_number, column_name, raw_value, rule, message)
select _load_id, cast(ops.param('run_id') as bigint), 'validate', 'survey', _source_file, _sheet, _row_number,
    column_name, raw_value, rule, message
from survey_answer_rejected;

delete from staging.survey_answer;

insert into staging.survey_answer
select wave, respondent_id, role_code, area_code, orientation_code, question_id, question, score, comment,
    _load_id, _source_file, _sheet, _row_number
from survey_answer_candidate c
where not exists (
    select 1 from survey_answer_rejected r
    where r._load_id = c._load_id and r._row_number = c._row_number and r._sheet is not distinct from c._sheet);
