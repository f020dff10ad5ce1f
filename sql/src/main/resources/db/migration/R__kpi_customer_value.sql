-- kpi.customer_value
-- What: what each golden customer is worth after the cost to serve it, its open potential and the service model
--   that fits (Kundenwert vs. Wertangebot).
-- One row: golden customer × year in which it bought or caused cost to serve.
-- Key: customer_id, year.
-- Formula: revenue_eur = order lines minus credit notes (EUR); gross_margin_eur (Deckungsbeitrag I, contribution
--   before cost to serve) = revenue - cost of goods; cost_to_serve_eur = visits × cost_per_visit_eur + support
--   tickets × cost_per_support_ticket_eur + special deliveries × cost_per_special_delivery_eur; contribution_eur
--   (Deckungsbeitrag II, contribution after cost to serve) = gross margin - cost to serve.
--   ABC per year (abc_revenue by revenue, abc_contribution by contribution): customers ranked descending (ties by
--   customer_id); a customer is A while the customers ranked before it hold less than abc_a_cutoff of the total of
--   positive values, B while less than abc_b_cutoff, else C; a value <= 0 is always C.
--   a_by_revenue_c_by_contribution = abc_revenue A and abc_contribution C (a key account that costs more than it
--   earns). wallet_estimate_eur = the CRM wallet estimate of the golden customer, else the market-data estimate: the
--   market volume of its industry × region × year divided by the number of golden customers in that segment;
--   wallet_eur = greatest(wallet_estimate_eur, revenue), because a customer cannot spend less with all suppliers
--   than with us; share_of_wallet = revenue / wallet_eur, so never above 100 %; wallet_below_revenue = the estimate
--   is below the revenue (a data issue for the data-quality page: the estimate is stale or too low), false without
--   an estimate. revenue_trend = revenue / revenue_prev_year - 1 (null when the previous
--   year had no positive revenue). last_order_date = latest order date up to the end of the year;
--   days_since_last_order counted to the end of the year or the as-of date, whichever is earlier.
--   Rule for the quadrant: value_segment high = abc_contribution A; potential_segment high = open wallet (wallet -
--   revenue) >= potential_high_min_open_wallet_eur; service_model personal = high value and high potential,
--   hybrid = exactly one of the two high, digital = both low.
-- Sources: core.sales_line, core.fact_service_driver (service desk), core.dim_customer (segment valid at the end of
--   the year, else the as-of date), core.customer_golden (wallet estimate), core.fact_market_volume, ops.parameter.
-- Caveats: gross margin, contribution and abc_contribution are null ("not available") when a line's product has
--   no standard cost; the year of the as-of date is partial, so its revenue_trend compares part of a year with a full one;
--   cost to serve of debtors matched to no golden customer is lost; the market-data wallet is a crude average per
--   known company of the segment; a share of wallet of 100 % where wallet_below_revenue is true means "estimate
--   too low", not "fully won"; days_since_last_order is null before the first order.
-- Policy: region(sales_region)
create or replace view kpi.customer_value as
with setting as (
    select
        ops.param_double('cost_per_visit_eur') as cost_per_visit,
        ops.param_double('cost_per_support_ticket_eur') as cost_per_ticket,
        ops.param_double('cost_per_special_delivery_eur') as cost_per_special_delivery,
        ops.param_double('abc_a_cutoff') as a_cutoff,
        ops.param_double('abc_b_cutoff') as b_cutoff,
        ops.param_double('potential_high_min_open_wallet_eur') as potential_min,
        ops.as_of_date() as as_of_date
),
sales as (
    select customer_id, year,
        sum(net_amount_eur) as revenue_eur,
        -- null ("not available") when a line's product has no standard cost, never a cost of 0
        case when count(cost_of_goods_eur) = count(*) then sum(net_amount_eur - cost_of_goods_eur) end
            as gross_margin_eur,
        max(line_date) filter (where kind = 'order') as last_order_in_year
    from core.sales_line
    where customer_id is not null
    group by all
),
service as (
    select d.customer_id, d.year,
        cast(round(d.visits * s.cost_per_visit + d.support_tickets * s.cost_per_ticket
            + d.special_deliveries * s.cost_per_special_delivery, 2) as decimal(18, 2)) as cost_to_serve_eur
    from core.fact_service_driver d, setting s
),
valued as (
    select customer_id, year,
        coalesce(sa.revenue_eur, 0) as revenue_eur,
        case when sa.customer_id is null then 0 else sa.gross_margin_eur end as gross_margin_eur,
        coalesce(se.cost_to_serve_eur, 0) as cost_to_serve_eur,
        case when sa.customer_id is null then 0 else sa.gross_margin_eur end - coalesce(se.cost_to_serve_eur, 0)
            as contribution_eur,
        sa.last_order_in_year
    from sales sa
    full join service se using (customer_id, year)
),
ranked as (
    select v.*,
        coalesce(sum(greatest(revenue_eur, 0)) over (partition by year order by revenue_eur desc, customer_id
            rows between unbounded preceding and 1 preceding), 0) as revenue_before,
        sum(greatest(revenue_eur, 0)) over (partition by year) as revenue_total,
        coalesce(sum(greatest(contribution_eur, 0)) over (partition by year order by contribution_eur desc, customer_id
            rows between unbounded preceding and 1 preceding), 0) as contribution_before,
        sum(greatest(contribution_eur, 0)) over (partition by year) as contribution_total,
        max(last_order_in_year) over (partition by customer_id order by year
            rows between unbounded preceding and current row) as last_order_date
    from valued v
),
segmented as (
    select r.*, c.company_name, c.industry, c.sales_region,
        least(s.as_of_date, make_date(r.year, 12, 31)) as measured_on
    from ranked r
    cross join setting s
    left join core.dim_customer c
        on c.customer_id = r.customer_id
        and least(s.as_of_date, make_date(r.year, 12, 31)) between c.valid_from and c.valid_to
),
segment_size as (
    select y.year, c.industry, c.sales_region, count(*) as customers
    from (select distinct year from valued) y
    cross join setting s
    join core.dim_customer c on least(s.as_of_date, make_date(y.year, 12, 31)) between c.valid_from and c.valid_to
    group by all
),
walleted as (
    select g.*,
        coalesce(cg.wallet_estimate_eur,
            cast(m.market_volume_eur / nullif(z.customers, 0) as decimal(18, 2))) as wallet_estimate_eur,
        case when cg.wallet_estimate_eur is not null then 'crm'
            when m.market_volume_eur is not null then 'market' end as wallet_source
    from segmented g
    left join core.customer_golden cg using (customer_id)
    left join core.fact_market_volume m
        on m.industry = g.industry and m.region = g.sales_region and m.year = g.year
    left join segment_size z
        on z.industry = g.industry and z.sales_region = g.sales_region and z.year = g.year
),
classified as (
    select w.*,
        case when w.revenue_eur <= 0 then 'C'
            when w.revenue_before < s.a_cutoff * w.revenue_total then 'A'
            when w.revenue_before < s.b_cutoff * w.revenue_total then 'B'
            else 'C' end as abc_revenue,
        case when w.contribution_eur is null then null
            when w.contribution_eur <= 0 then 'C'
            when w.contribution_before < s.a_cutoff * w.contribution_total then 'A'
            when w.contribution_before < s.b_cutoff * w.contribution_total then 'B'
            else 'C' end as abc_contribution,
        case when w.wallet_eur - w.revenue_eur >= s.potential_min then 'high' else 'low' end as potential_segment
    from (
        -- the wallet is at least what the customer bought from us: an estimate below that is flagged, never a share > 100 %
        select w.*,
            greatest(w.wallet_estimate_eur, w.revenue_eur) as wallet_eur,
            coalesce(w.wallet_estimate_eur < w.revenue_eur, false) as wallet_below_revenue
        from walleted w
    ) w, setting s
)
select
    c.customer_id,
    c.company_name,
    c.industry,
    c.sales_region,
    c.year,
    cast(c.revenue_eur as decimal(18, 2)) as revenue_eur,
    cast(c.gross_margin_eur as decimal(18, 2)) as gross_margin_eur,
    cast(c.cost_to_serve_eur as decimal(18, 2)) as cost_to_serve_eur,
    cast(c.contribution_eur as decimal(18, 2)) as contribution_eur,
    c.abc_revenue,
    c.abc_contribution,
    c.abc_revenue = 'A' and c.abc_contribution = 'C' as a_by_revenue_c_by_contribution,
    cast(c.wallet_eur as decimal(18, 2)) as wallet_eur,
    cast(c.revenue_eur as double) / nullif(cast(c.wallet_eur as double), 0) as share_of_wallet,
    cast(p.revenue_eur as decimal(18, 2)) as revenue_prev_year_eur,
    case when p.revenue_eur > 0 then cast(c.revenue_eur as double) / cast(p.revenue_eur as double) - 1 end
        as revenue_trend,
    c.last_order_date,
    cast(c.measured_on - c.last_order_date as integer) as days_since_last_order,
    case when c.abc_contribution = 'A' then 'high' else 'low' end as value_segment,
    c.potential_segment,
    case
        when c.abc_contribution = 'A' and c.potential_segment = 'high' then 'personal'
        when c.abc_contribution = 'A' or c.potential_segment = 'high' then 'hybrid'
        else 'digital'
    end as service_model,
    c.wallet_source,
    cast(c.wallet_estimate_eur as decimal(18, 2)) as wallet_estimate_eur,
    c.wallet_below_revenue
from classified c
left join valued p on p.customer_id = c.customer_id and p.year = c.year - 1;
