-- Consolidate CRM contacts (core.dim_contact) and activities (core.fact_touchpoint) with the golden customer of
-- their account through core.customer_xref (source_system 'crm'; null when the account is not matched). A contact
-- keeps its opt-out flag (consent): aggregates count it, contact-level views leave it out.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

delete from core.dim_contact;

insert into core.dim_contact (contact_id, account_id, customer_id, buying_center_role, opted_out)
select c.contact_id, c.account_id, x.customer_id, c.buying_center_role, c.opted_out
from staging.crm_contact c
left join core.customer_xref x on x.source_system = 'crm' and x.source_key = c.account_id;

delete from core.fact_touchpoint;

insert into core.fact_touchpoint
select a.activity_id, a.account_id, x.customer_id, a.contact_id, a.activity_date,
    cast(year(a.activity_date) as integer), a.channel, a.journey_phase, a.activity_type
from staging.crm_activity a
left join core.customer_xref x on x.source_system = 'crm' and x.source_key = a.account_id;
