-- core.sales_fact: every revenue-bearing line (core.sales_line: order lines and credit notes) with the segment of
-- its customer as it was on the line's date (the core.dim_customer version valid then). One row per line; key:
-- kind, document_key, line_no. industry and sales_region are null for lines of unmatched debtors.
create or replace view core.sales_fact as
select
    s.*,
    c.industry,
    c.sales_region
from core.sales_line s
left join core.dim_customer c
    on c.customer_id = s.customer_id
    and s.line_date between c.valid_from and c.valid_to;
