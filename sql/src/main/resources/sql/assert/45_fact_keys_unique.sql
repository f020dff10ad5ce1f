-- The order line tables, which carry no primary key index for load speed, hold one row per document and line.
with duplicate as (
    select 'staging.erp_order_line' as table_name, document_no, line_no
    from staging.erp_order_line
    group by document_no, line_no
    having count(*) > 1
    union all
    select 'core.fact_order_line', document_no, line_no
    from core.fact_order_line
    group by document_no, line_no
    having count(*) > 1
)
select table_name || ' has ' || count(*) || ' duplicate (document_no, line_no) keys, e.g. '
    || min(document_no || '/' || line_no) as message
from duplicate
group by table_name;
