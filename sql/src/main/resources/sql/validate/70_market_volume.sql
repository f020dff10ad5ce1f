-- Validate the market study: raw.market_volume -> staging.market_volume (latest delivered row per industry,
-- region and year wins); rules market_volume.*.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

create or replace temp table market_volume_candidate as
select m.* replace (
    -- in the reference spelling when the value is known in any case
    coalesce(sg.industry, trim(m.industry)) as industry,
    coalesce(rg.region, trim(m.region)) as region,
    nullif(trim(competitor_1), '') as competitor_1,
    nullif(trim(competitor_2), '') as competitor_2,
    nullif(trim(competitor_3), '') as competitor_3)
from raw.market_volume m
left join ref.segment sg on lower(sg.industry) = lower(trim(m.industry))
left join ref.region rg on lower(rg.region) = lower(trim(m.region))
where nullif(trim(m.industry), '') is not null and nullif(trim(m.region), '') is not null and m.year is not null
qualify latest_row_per(coalesce(sg.industry, trim(m.industry)), coalesce(rg.region, trim(m.region)), m.year);

create or replace temp table market_volume_rejected as
select _load_id, _source_file, _sheet, _row_number,
    case when nullif(trim(industry), '') is null then 'industry' when nullif(trim(region), '') is null then 'region' else 'year' end as column_name,
    coalesce(industry, region, cast(year as varchar)) as raw_value,
    'market_volume.missing_key' as rule, 'market volume row without Branche, Region or Jahr; expected all three' as message
from raw.market_volume
where nullif(trim(industry), '') is null or nullif(trim(region), '') is null or year is null
union all
select _load_id, _source_file, _sheet, _row_number, 'market_volume_eur', cast(market_volume_eur as varchar),
    'market_volume.invalid_volume',
    'market volume of ' || industry || ' / ' || region || ' / ' || year || ' is ' || coalesce(cast(market_volume_eur as varchar), 'empty') || '; expected > 0'
from market_volume_candidate
where market_volume_eur is null or market_volume_eur <= 0
union all
select _load_id, _source_file, _sheet, _row_number, 'share_1', concat_ws(' / ', share_1, share_2, share_3),
    'market_volume.invalid_share',
    'competitor shares of ' || industry || ' / ' || region || ' / ' || year || ' are ' || concat_ws(', ', share_1, share_2, share_3)
        || '; expected fractions between 0 and 1 summing to at most 1'
from market_volume_candidate
where least(coalesce(share_1, 0), coalesce(share_2, 0), coalesce(share_3, 0)) < 0
    or coalesce(share_1, 0) + coalesce(share_2, 0) + coalesce(share_3, 0) > 1
union all
select _load_id, _source_file, _sheet, _row_number, 'industry', industry, 'market_volume.unknown_industry',
    'market volume row has Branche ' || industry || '; expected one of '
        || (select string_agg(industry, ', ' order by sort_order) from ref.segment)
        || ' (reference/segments.csv, which the steward can extend)'
from market_volume_candidate c
where exists (select 1 from ref.segment) and not exists (select 1 from ref.segment s where s.industry = c.industry)
union all
select _load_id, _source_file, _sheet, _row_number, 'region', region, 'market_volume.unknown_region',
    'market volume row has Region ' || region || '; expected one of '
        || (select string_agg(region, ', ' order by sort_order) from ref.region)
        || ' (reference/regions.csv, which the steward can extend)'
from market_volume_candidate c
where exists (select 1 from ref.region) and not exists (select 1 from ref.region r where r.region = c.region);

stage_validated(subject => market_volume, source => market, target => staging.market_volume,
    columns => (industry, region, year, market_volume_eur, competitor_1, share_1, competitor_2, share_2,
        competitor_3, share_3, _load_id, _source_file, _sheet, _row_number));
