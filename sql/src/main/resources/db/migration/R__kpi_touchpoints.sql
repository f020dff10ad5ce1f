-- kpi.touchpoints
-- What: where the customer journey happens: touchpoints (Kontaktpunkte) per journey phase and channel.
-- One row: year × journey phase × CRM channel.
-- Key: year, journey_phase, channel.
-- Formula: touchpoints = number of CRM activities.
-- Sources: core.fact_touchpoint (CRM activities).
-- Caveats: activities with an unknown phase appear with journey_phase null; activities of unmatched accounts count.
-- Policy: aggregate
create or replace view kpi.touchpoints as
select
    year,
    journey_phase,
    channel,
    cast(count(*) as bigint) as touchpoints
from core.fact_touchpoint
group by year, journey_phase, channel;

-- kpi.contact_touchpoints
-- What: whom at a customer we reach: touchpoints (Kontaktpunkte) per CRM contact, for the contacts who have not
--   opted out.
-- One row: CRM contact of a golden customer who has not opted out.
-- Key: contact_id.
-- Formula: touchpoints = CRM activities with the contact; first_touchpoint_date / last_touchpoint_date = the
--   earliest / latest of them (null without activities).
-- Sources: core.dim_contact, core.fact_touchpoint (CRM), core.dim_customer.
-- Caveats: consent: a contact the CRM marks as opted out (core.dim_contact.opted_out) has no row here; their
--   activities still count in every aggregate (kpi.touchpoints, kpi.buying_center, a customer's touchpoints per
--   phase), so the touchpoints of a customer's rows here may add up to less than its total. Contacts of unmatched
--   accounts are left out. The view shows no names: a contact is its CRM id.
-- Policy: customer(customer_id)
create or replace view kpi.contact_touchpoints as
select
    c.customer_id,
    d.company_name,
    c.contact_id,
    c.buying_center_role,
    cast(count(t.activity_id) as bigint) as touchpoints,
    min(t.activity_date) as first_touchpoint_date,
    max(t.activity_date) as last_touchpoint_date
from core.dim_contact c
left join core.dim_customer d on d.customer_id = c.customer_id and d.is_current
left join core.fact_touchpoint t on t.contact_id = c.contact_id
where c.customer_id is not null and not coalesce(c.opted_out, false)
group by c.customer_id, d.company_name, c.contact_id, c.buying_center_role;
