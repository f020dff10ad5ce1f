-- Every validated order line reaches core.fact_order_line with a product and a channel, and at most the share
-- max_unmapped_order_line_share of them belongs to a debtor matched to no golden customer (counted as unmapped).
with line as (
    select
        (select count(*) from staging.erp_order_line) as validated,
        (select count(*) from core.fact_order_line) as consolidated,
        (select count(*) from core.fact_order_line where customer_id is null) as unmapped,
        (select string_agg(distinct debtor_no, ', ' order by debtor_no) from (
            select debtor_no from core.fact_order_line where customer_id is null order by debtor_no limit 5)) as examples
)
select validated || ' validated order lines but ' || consolidated
    || ' in core.fact_order_line: lines were lost for want of a product or channel' as message
from line
where validated <> consolidated
union all
select unmapped || ' of ' || consolidated || ' order lines (' || round(100.0 * unmapped / consolidated, 1)
    || ' %) belong to debtors matched to no golden customer, more than the tolerated '
    || round(100 * ops.param_double('max_unmapped_order_line_share'), 1) || ' %; e.g. debtor ' || examples
from line
where consolidated > 0 and cast(unmapped as double) / consolidated > ops.param_double('max_unmapped_order_line_share');
