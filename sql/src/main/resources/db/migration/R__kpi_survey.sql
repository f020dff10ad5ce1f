-- kpi.survey_area_score
-- What: where the sales organisation stands in the four areas of sales excellence (self-assessment,
--   Standortbestimmung), as each respondent role sees it, and how that changed since the previous wave.
-- One row: survey wave × respondent role × area; respondent_role 'all' pools every answer of the wave.
-- Key: wave, respondent_role, area.
-- Formula: score = mean of the scores (1 poor to 5 excellent) of the answers to the area's questions;
--   prev_wave = the wave sorting directly before this one (text order) among all waves delivered;
--   score_change = score - score_prev_wave (null when the role did not answer the area in prev_wave).
-- Sources: staging.survey_answer (workbook Standortbestimmung_<wave>.xlsx, validated by sql/validate/95_survey.sql).
-- Caveats: waves must be named so that they sort in time (2025, 2026 or 2025-H1, 2025-H2); the pooled 'all' row
--   weights every answer alike, so the role with most respondents (usually customers) dominates it.
-- Policy: aggregate
create or replace view kpi.survey_area_score as
with wave as (
    select wave, lag(wave) over (order by wave) as prev_wave
    from (select distinct wave from staging.survey_answer)
),
score as (
    select wave, coalesce(respondent_role, 'all') as respondent_role, area,
        count(distinct respondent_id) as respondents,
        count(*) as answers,
        cast(sum(score) as double) / count(*) as score
    from staging.survey_answer
    group by grouping sets ((wave, respondent_role, area), (wave, area))
)
select s.wave, s.respondent_role, s.area, s.respondents, s.answers, s.score,
    w.prev_wave, p.score as score_prev_wave, s.score - p.score as score_change
from score s
join wave w using (wave)
left join score p on p.wave = w.prev_wave and p.respondent_role = s.respondent_role and p.area = s.area;

-- kpi.survey_profile
-- What: the sales-excellence type of the organisation as each respondent role sees it: champions, paper tigers
--   (Papiertiger), doers (Macher) or activists (Aktivisten), from the four area scores.
-- One row: survey wave × respondent role (with 'all' for every answer of the wave).
-- Key: wave, respondent_role.
-- Formula: S, M, C, I = score of sales_strategy, sales_management, customer_relationship, information_management
--   (kpi.survey_area_score); spread = greatest(S, M, C, I) - least(S, M, C, I); planning = (S + I) / 2,
--   execution = (M + C) / 2. The first rule that holds gives profile_type: champions when least(S, M, C, I) >=
--   survey_strong_min_score and spread <= survey_champion_max_spread; paper_tigers when planning > execution
--   (strategy and information management ahead of sales management and customer relationships); doers when M >= C
--   (sales management carries, strategy behind); activists otherwise (customer relationships carry, the rest behind).
--   profile_type_prev_wave is the type of the same role in the previous wave; strong_min_score and
--   champion_max_spread are the thresholds the type was derived with.
-- Sources: kpi.survey_area_score, ops.parameter.
-- Caveats: profile_type is null when the role did not answer all four areas; the rule always names a type, even
--   for uniformly weak scores: read it together with the scores.
-- Policy: aggregate
create or replace view kpi.survey_profile as
with area as (
    select wave, respondent_role,
        max(score) filter (where area = 'sales_strategy') as sales_strategy,
        max(score) filter (where area = 'sales_management') as sales_management,
        max(score) filter (where area = 'customer_relationship') as customer_relationship,
        max(score) filter (where area = 'information_management') as information_management,
        cast(sum(answers) as bigint) as answers,
        any_value(prev_wave) as prev_wave
    from kpi.survey_area_score
    group by wave, respondent_role
),
typed as (
    select *,
        greatest(sales_strategy, sales_management, customer_relationship, information_management)
            - least(sales_strategy, sales_management, customer_relationship, information_management) as spread,
        case
            when sales_strategy is null or sales_management is null or customer_relationship is null
                or information_management is null then null
            when least(sales_strategy, sales_management, customer_relationship, information_management)
                    >= ops.param_double('survey_strong_min_score')
                and greatest(sales_strategy, sales_management, customer_relationship, information_management)
                    - least(sales_strategy, sales_management, customer_relationship, information_management)
                    <= ops.param_double('survey_champion_max_spread') then 'champions'
            when (sales_strategy + information_management) / 2 > (sales_management + customer_relationship) / 2
                then 'paper_tigers'
            when sales_management >= customer_relationship then 'doers'
            else 'activists'
        end as profile_type
    from area
)
select t.wave, t.respondent_role, t.sales_strategy, t.sales_management, t.customer_relationship,
    t.information_management, t.spread, t.profile_type, t.answers, t.prev_wave,
    p.profile_type as profile_type_prev_wave,
    ops.param_double('survey_strong_min_score') as strong_min_score,
    ops.param_double('survey_champion_max_spread') as champion_max_spread
from typed t
left join typed p on p.wave = t.prev_wave and p.respondent_role = t.respondent_role;

-- kpi.survey_gap
-- What: the gap between the self-image (role self) and each external image (every other role) per orientation
--   (customer, performance, team), with a flag whether it is more than chance.
-- One row: survey wave × external role × orientation, where both the self-image and the external role answered
--   questions of that orientation.
-- Key: wave, external_role, orientation.
-- Formula: self_score, external_score = mean score of the answers of role self and of the external role to the
--   orientation's questions; gap = self_score - external_score (positive: we see ourselves better than others see
--   us); variance per side = (n × Σx² - (Σx)²) / (n × (n - 1)); Welch t_value = gap / sqrt(var_self / n_self +
--   var_external / n_external); significant = n_self >= 2, n_external >= 2 and |t_value| > survey_gap_min_t.
-- Sources: staging.survey_answer, ops.parameter.
-- Caveats: every answer counts as one observation, although the answers of one respondent are not independent,
--   so t overstates significance somewhat; t_value is null (and significant false) when both sides have no
--   variance or fewer than two answers.
-- Policy: aggregate
create or replace view kpi.survey_gap as
with side as (
    select wave, respondent_role, orientation, count(*) as n, sum(score) as sx, sum(score * score) as sxx
    from staging.survey_answer
    group by all
),
moments as (
    select wave, respondent_role, orientation, n, cast(sx as double) / n as mean,
        case when n >= 2 then cast(n * sxx - sx * sx as double) / (n * (n - 1)) end as variance
    from side
),
pair as (
    select e.wave, e.respondent_role as external_role, e.orientation,
        s.mean as self_score, s.n as self_answers, e.mean as external_score, e.n as external_answers,
        s.mean - e.mean as gap,
        s.variance / s.n + e.variance / e.n as se_squared
    from moments e
    join moments s on s.wave = e.wave and s.orientation = e.orientation and s.respondent_role = 'self'
    where e.respondent_role <> 'self'
)
select wave, external_role, orientation, self_score, self_answers, external_score, external_answers, gap,
    case when se_squared > 0 then gap / sqrt(se_squared) end as t_value,
    coalesce(se_squared > 0 and abs(gap / sqrt(se_squared)) > ops.param_double('survey_gap_min_t'), false) as significant
from pair;

-- kpi.survey_position
-- What: where self-image and external image place each area and orientation of the self-assessment on the 2×2 of
--   the Standortbestimmung: a strength both sides see, a blind spot (we rate ourselves strong, others do not), a
--   hidden strength (others rate us strong, we do not) or a weakness both sides see.
-- One row: survey wave × external role × dimension (the four areas and the three orientations), where both the
--   self-image and the external role answered questions of that dimension; external_role 'all' pools the answers of
--   every role but self.
-- Key: wave, external_role, dimension_kind, dimension.
-- Formula: dimension_kind = 'area' (dimension = the answer's area) or 'orientation' (dimension = its orientation);
--   self_score, external_score = mean score (1 poor to 5 excellent) of the answers of role self and of the external
--   role (for 'all': of every role but self) to the dimension's questions; gap = self_score - external_score;
--   strong_min_score = the parameter survey_strong_min_score (the bar kpi.survey_profile calls strong); quadrant =
--   confirmed_strength when self_score >= strong_min_score and external_score >= strong_min_score, blind_spot when
--   only self_score reaches it, hidden_strength when only external_score reaches it, confirmed_weakness otherwise.
-- Sources: staging.survey_answer, ops.parameter.
-- Caveats: the pooled 'all' weights every answer alike, so the role with most respondents (usually customers)
--   dominates it; a mean just at the bar counts as strong, so read the quadrant together with the scores.
-- Policy: aggregate
create or replace view kpi.survey_position as
with answer as (
    select wave, respondent_role, 'area' as dimension_kind, area as dimension, score
    from staging.survey_answer
    union all
    select wave, respondent_role, 'orientation' as dimension_kind, orientation as dimension, score
    from staging.survey_answer
),
self_image as (
    select wave, dimension_kind, dimension, count(*) as self_answers, cast(sum(score) as double) / count(*) as self_score
    from answer
    where respondent_role = 'self'
    group by wave, dimension_kind, dimension
),
external_image as (
    select wave, coalesce(respondent_role, 'all') as external_role, dimension_kind, dimension,
        count(*) as external_answers, cast(sum(score) as double) / count(*) as external_score
    from answer
    where respondent_role <> 'self'
    group by grouping sets ((wave, respondent_role, dimension_kind, dimension), (wave, dimension_kind, dimension))
),
pair as (
    select e.wave, e.external_role, e.dimension_kind, e.dimension, s.self_score, s.self_answers, e.external_score,
        e.external_answers, ops.param_double('survey_strong_min_score') as strong_min_score
    from external_image e
    join self_image s using (wave, dimension_kind, dimension)
)
select wave, external_role, dimension_kind, dimension, self_score, self_answers, external_score, external_answers,
    self_score - external_score as gap, strong_min_score,
    case
        when self_score >= strong_min_score and external_score >= strong_min_score then 'confirmed_strength'
        when self_score >= strong_min_score then 'blind_spot'
        when external_score >= strong_min_score then 'hidden_strength'
        else 'confirmed_weakness'
    end as quadrant
from pair;
