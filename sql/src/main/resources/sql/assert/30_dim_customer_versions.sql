-- core.dim_customer is a proper SCD2: every golden customer has exactly one current version and versions that
-- neither overlap nor leave gaps.
with version as (
    select *, lead(valid_from) over (partition by customer_id order by valid_from) as next_from
    from core.dim_customer
)
select 'golden customer ' || g.customer_id || ' has ' || count(v.customer_id) filter (where v.is_current)
    || ' current versions in core.dim_customer; expected 1' as message
from core.customer_golden g
left join core.dim_customer v using (customer_id)
group by g.customer_id
having count(v.customer_id) filter (where v.is_current) <> 1
union all
select 'customer ' || customer_id || ': version from ' || valid_from || ' ends ' || valid_to
    || ' but the next starts ' || next_from || '; expected the day after'
from version
where next_from is not null and next_from <> valid_to + 1;
