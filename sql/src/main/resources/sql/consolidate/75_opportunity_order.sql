-- Whether each won opportunity's ERP order has arrived (core.opportunity.erp_order_found): its ERP order number is
-- the document number of an order line in core.fact_order_line. Its own script, so that the opportunities
-- (70_opportunity.sql, from the CRM's exports) are not built again each night new order lines arrive; only the
-- opportunities whose answer changed are updated. An opportunity whose stage no status is known for (only where raw
-- rows skipped validation: the bench's DuckDB baseline) is not won: false, never NULL.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

-- the won opportunities' order numbers that arrived, as a semi join over the facts (a correlated exists per
-- opportunity took four times as long at scale 100)
create or replace temp table opportunity_order_arrived as
select distinct f.document_no
from core.fact_order_line f
semi join core.opportunity w
    on w.erp_order_no = f.document_no and w.status = 'won';

create or replace temp table opportunity_order_found as
select o.opportunity_id, coalesce(o.status = 'won' and a.document_no is not null, false) as found
from core.opportunity o
left join opportunity_order_arrived a on a.document_no = o.erp_order_no;

update core.opportunity o
set erp_order_found = f.found
from opportunity_order_found f
where f.opportunity_id = o.opportunity_id and o.erp_order_found is distinct from f.found;
