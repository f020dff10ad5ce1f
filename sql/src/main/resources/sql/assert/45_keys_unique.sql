-- The tables the night fills carry no primary key index (bulk loads, and committing a delete and re-insert of the
-- same keys through an index costs seconds per 50,000 rows in DuckDB): each still holds one row per key.
--
-- Order lines: when this night built their facts incrementally, only the keys it replaced
-- (ops.order_line_consolidated) can have changed since the last night whose checks passed, so only those
-- are grouped; any other night groups all 5 M lines of both tables.
with order_line_scope as (
    select coalesce((
        select mode = 'incremental' from ops.incremental_state
        where subject = 'order_line_fact' and run_id = try_cast(ops.param('run_id') as bigint)), false) as incremental
),
duplicate as (
    select 'staging.erp_order_line' as table_name, document_no || '/' || line_no as example, count(*) as copies
    from staging.erp_order_line
    where not (select incremental from order_line_scope)
    group by document_no, line_no having count(*) > 1
    union all
    select 'staging.erp_order_line', s.document_no || '/' || s.line_no, count(*)
    from staging.erp_order_line s
    semi join ops.order_line_consolidated k on k.document_no = s.document_no and k.line_no = s.line_no
    where (select incremental from order_line_scope)
    group by s.document_no, s.line_no having count(*) > 1
    union all
    select 'core.fact_order_line', document_no || '/' || line_no, count(*)
    from core.fact_order_line
    where not (select incremental from order_line_scope)
    group by document_no, line_no having count(*) > 1
    union all
    select 'core.fact_order_line', f.document_no || '/' || f.line_no, count(*)
    from core.fact_order_line f
    semi join ops.order_line_consolidated k on k.document_no = f.document_no and k.line_no = f.line_no
    where (select incremental from order_line_scope)
    group by f.document_no, f.line_no having count(*) > 1
    union all
    select 'staging.erp_debtor', debtor_no, count(*)
    from staging.erp_debtor group by debtor_no having count(*) > 1
    union all
    select 'staging.erp_credit_note', credit_note_no, count(*)
    from staging.erp_credit_note group by credit_note_no having count(*) > 1
    union all
    select 'staging.service_driver', debtor_no || '/' || year, count(*)
    from staging.service_driver group by debtor_no, year having count(*) > 1
    union all
    select 'staging.crm_contact', contact_id, count(*)
    from staging.crm_contact group by contact_id having count(*) > 1
    union all
    select 'staging.crm_activity', activity_id, count(*)
    from staging.crm_activity group by activity_id having count(*) > 1
    union all
    select 'core.dim_customer', customer_id || '/' || valid_from, count(*)
    from core.dim_customer group by customer_id, valid_from having count(*) > 1
    union all
    select 'core.dim_contact', contact_id, count(*)
    from core.dim_contact group by contact_id having count(*) > 1
    union all
    select 'core.fact_credit_note', credit_note_no, count(*)
    from core.fact_credit_note group by credit_note_no having count(*) > 1
    union all
    select 'core.fact_service_driver', customer_id || '/' || year, count(*)
    from core.fact_service_driver group by customer_id, year having count(*) > 1
    union all
    select 'core.fact_touchpoint', activity_id, count(*)
    from core.fact_touchpoint group by activity_id having count(*) > 1
    union all
    select 'core.opportunity', opportunity_id, count(*)
    from core.opportunity group by opportunity_id having count(*) > 1
    union all
    select 'core.opportunity_history', opportunity_id || '/' || valid_from, count(*)
    from core.opportunity_history group by opportunity_id, valid_from having count(*) > 1
    union all
    select 'staging.customer_record', record_key, count(*)
    from staging.customer_record group by record_key having count(*) > 1
    union all
    select 'core.customer_xref', source_system || ':' || source_key, count(*)
    from core.customer_xref group by source_system, source_key having count(*) > 1
    union all
    select 'core.customer_golden', customer_id, count(*)
    from core.customer_golden group by customer_id having count(*) > 1
    union all
    select 'core.customer_match_pair', record_key_1 || ' ~ ' || record_key_2, count(*)
    from core.customer_match_pair group by record_key_1, record_key_2 having count(*) > 1
)
select table_name || ' has ' || count(*) || ' keys held by more than one row, e.g. ' || min(example) as message
from duplicate
group by table_name;
