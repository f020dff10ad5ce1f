-- kpi.customer_sources
-- What: the source records that formed each golden customer (ERP debtors, CRM accounts, sales reps' list rows), as
--   delivered, so a reader can see why records were merged and where to correct a source.
-- One row: source record × the golden customer it was matched into.
-- Key: source_system, source_key.
-- Formula: source_key = the record's key in its source (crm Account ID, erp Debitor, excel '<file stem>/<Nr.>');
--   company_name, postcode and city as delivered (not standardized); match_probability = the record's probability
--   of belonging to its customer (1.0 for the record the customer was seeded from).
-- Sources: core.customer_xref (matching), staging.customer_record (the delivered records).
-- Caveats: a record a later delivery no longer contains keeps its last delivered values until matching runs again.
-- Policy: customer(customer_id)
create or replace view kpi.customer_sources as
select
    x.customer_id,
    x.source_system,
    x.source_key,
    r.company_name,
    r.postcode,
    r.city,
    x.match_probability
from core.customer_xref x
left join staging.customer_record r on r.source_system = x.source_system and r.source_key = x.source_key;
