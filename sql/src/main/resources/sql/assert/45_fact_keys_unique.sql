-- The order line tables, which carry no primary key index for load speed, hold one row per document and line.
select table_name || ' has ' || (rows - keys) || ' duplicate (document_no, line_no) keys, e.g. ' || example as message
from (
    select 'staging.erp_order_line' as table_name, count(*) as rows, count(distinct (document_no, line_no)) as keys,
        any_value(document_no || '/' || line_no) as example
    from staging.erp_order_line
    union all
    select 'core.fact_order_line', count(*), count(distinct (document_no, line_no)), any_value(document_no || '/' || line_no)
    from core.fact_order_line
)
where rows > keys;
