-- The job parameters in ops.parameter are present and make sense (a typo must stop the run, not skew the KPIs).
with number as (
    select n.name, p.value
    from (values ('net_price_max_list_factor'), ('cost_per_visit_eur'), ('cost_per_support_ticket_eur'),
        ('cost_per_special_delivery_eur'), ('abc_a_cutoff'), ('abc_b_cutoff'), ('potential_high_min_open_wallet_eur'),
        ('key_account_top_n'), ('cross_sell_lookback_months'), ('cross_sell_min_peer_share'),
        ('max_unmapped_order_line_share'), ('survey_strong_min_score'), ('survey_champion_max_spread'),
        ('survey_gap_min_t'), ('pipeline_stalled_days'), ('pipeline_unworked_months'), ('pipeline_coverage_months'))
        as n(name)
    left join ops.parameter p using (name)
)
select 'parameter ' || name || ' is ' || coalesce('''' || value || '''', 'empty') || '; expected a number >= 0' as message
from number
where try_cast(value as double) is null or try_cast(value as double) < 0
union all
select 'parameter channel_cost_allocation_key is ' || coalesce('''' || ops.param('channel_cost_allocation_key') || '''', 'empty')
    || '; expected revenue, orders or customers'
where coalesce(ops.param('channel_cost_allocation_key'), '') not in ('revenue', 'orders', 'customers')
union all
select 'parameters abc_a_cutoff ' || ops.param('abc_a_cutoff') || ' and abc_b_cutoff ' || ops.param('abc_b_cutoff')
    || '; expected 0 < A cutoff < B cutoff <= 1'
where not (try_cast(ops.param('abc_a_cutoff') as double) > 0
    and try_cast(ops.param('abc_a_cutoff') as double) < try_cast(ops.param('abc_b_cutoff') as double)
    and try_cast(ops.param('abc_b_cutoff') as double) <= 1)
union all
select 'parameter as_of_date is ''' || ops.param('as_of_date') || '''; expected a date yyyy-MM-dd'
where ops.param('as_of_date') is not null and try_cast(ops.param('as_of_date') as date) is null;
