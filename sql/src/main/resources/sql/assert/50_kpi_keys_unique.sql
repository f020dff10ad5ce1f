-- The key of every KPI view is unique: a duplicate key means a join fanned out and doubled a value. Reads the
-- night's KPI snapshot (kpi_snapshot), the views as they are published.
select 'kpi.' || view_name || ' has ' || duplicates || ' duplicate keys, e.g. ' || example as message
from (
    select 'market_share' as view_name, count(*) - count(distinct (industry, region, year)) as duplicates,
        any_value(industry || '/' || region || '/' || year) as example
    from kpi_snapshot.market_share
    union all
    select 'channel_pnl', count(*) - count(distinct (channel_code, year, month)), any_value(channel_code || '/' || year || '/' || month)
    from kpi_snapshot.channel_pnl
    union all
    select 'price_realization', count(*) - count(distinct (channel_code, product_category, year)),
        any_value(channel_code || '/' || product_category || '/' || year)
    from kpi_snapshot.price_realization
    union all
    select 'customer_value', count(*) - count(distinct (customer_id, year)), any_value(customer_id || '/' || year)
    from kpi_snapshot.customer_value
    union all
    select 'buying_center', count(*) - count(distinct (customer_id, role)), any_value(customer_id || '/' || role)
    from kpi_snapshot.buying_center
    union all
    select 'sales_cube', count(*) - count(distinct (year, sales_region, industry, channel_code, product_category)),
        any_value(year || '/' || sales_region || '/' || industry || '/' || channel_code || '/' || product_category)
    from kpi_snapshot.sales_cube
    union all
    select 'sales_cube_month', count(*) - count(distinct (year, month, sales_region, industry, channel_code, product_category)),
        any_value(year || '/' || month || '/' || sales_region || '/' || industry || '/' || channel_code || '/' || product_category)
    from kpi_snapshot.sales_cube_month
    union all
    select 'customer_channel', count(*) - count(distinct (customer_id, year, channel_code)),
        any_value(customer_id || '/' || year || '/' || channel_code)
    from kpi_snapshot.customer_channel
    union all
    select 'survey_area_score', count(*) - count(distinct (wave, respondent_role, area)),
        any_value(wave || '/' || respondent_role || '/' || area)
    from kpi_snapshot.survey_area_score
    union all
    select 'survey_profile', count(*) - count(distinct (wave, respondent_role)), any_value(wave || '/' || respondent_role)
    from kpi_snapshot.survey_profile
    union all
    select 'survey_gap', count(*) - count(distinct (wave, external_role, orientation)),
        any_value(wave || '/' || external_role || '/' || orientation)
    from kpi_snapshot.survey_gap
    union all
    select 'pipeline_open', count(*) - count(distinct (stage, channel_code, sales_region, opportunity_owner,
            product_group, expected_close_month)),
        any_value(concat_ws('/', stage, channel_code, sales_region, opportunity_owner, product_group,
            expected_close_month))
    from kpi_snapshot.pipeline_open
    union all
    select 'pipeline_win_rate', count(*) - count(distinct (channel_code, lead_source, close_year)),
        any_value(concat_ws('/', channel_code, lead_source, close_year))
    from kpi_snapshot.pipeline_win_rate
    union all
    select 'pipeline_funnel', count(*) - count(distinct (channel_code, stage)), any_value(concat_ws('/', channel_code, stage))
    from kpi_snapshot.pipeline_funnel
    union all
    select 'pipeline_stalled', count(*) - count(distinct opportunity_id), any_value(opportunity_id)
    from kpi_snapshot.pipeline_stalled
    union all
    select 'pipeline_coverage', count(*) - count(distinct (plan_month, channel_code, sales_region)),
        any_value(concat_ws('/', plan_month, channel_code, sales_region))
    from kpi_snapshot.pipeline_coverage
    union all
    select 'pipeline_channel_return', count(*) - count(distinct (channel_code, lead_source, close_year)),
        any_value(concat_ws('/', channel_code, lead_source, close_year))
    from kpi_snapshot.pipeline_channel_return
    union all
    select 'pipeline_unworked_potential', count(*) - count(distinct customer_id), any_value(customer_id)
    from kpi_snapshot.pipeline_unworked_potential
    union all
    select 'plan_vs_actual', count(*) - count(distinct (channel_code, region, product_group, plan_month)),
        any_value(channel_code || '/' || region || '/' || coalesce(product_group, 'all') || '/' || plan_month)
    from kpi_snapshot.plan_vs_actual
    union all
    select 'customer_sources', count(*) - count(distinct (source_system, source_key)),
        any_value(source_system || ':' || source_key)
    from kpi_snapshot.customer_sources
)
where duplicates > 0;
