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
qualify latest_row_per(trim(a.wave), trim(a.respondent_id), trim(a.question_id));

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

stage_validated(subject => survey_answer, source => survey, target => staging.survey_answer,
    columns => (wave, respondent_id, role_code, area_code, orientation_code, question_id, question, score, comment,
        _load_id, _source_file, _sheet, _row_number));
