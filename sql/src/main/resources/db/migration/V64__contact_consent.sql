-- Consent (#21 item 6): a CRM contact's objection to being analysed one by one (an opt-out flag such as Salesforce's
-- HasOptedOutOfEmail or DoNotCall, or a German Werbewiderspruch), carried from the raw delivery to the core contact.
-- An opted-out contact's activities still count in every aggregate (touchpoints per customer, channel and phase,
-- contacts per buying-center role); views that show single contacts (kpi.contact_touchpoints) leave them out.
--   raw.crm_contact.opted_out: as delivered (null when the export has no such column or the cell is empty)
--   staging.crm_contact.opted_out, core.dim_contact.opted_out: true only when the contact opted out; a missing flag
--     counts as not opted out (false)
alter table raw.crm_contact add column opted_out boolean;
alter table staging.crm_contact add column opted_out boolean default false;
alter table core.dim_contact add column opted_out boolean default false;
