-- The order line each credit note took its channel from: a line of the credited document, else the debtor's latest
-- order up to the credit date (null when there is none). It tells an analyst where the channel comes from, and lets
-- a night with a few new order lines find a note's new latest order among the replaced lines instead of all lines of
-- the debtor (sql/consolidate/40_fact_credit_note.sql; notes consolidated before this migration are rebuilt once).
alter table core.fact_credit_note add column channel_document_no varchar;
alter table core.fact_credit_note add column channel_line_no integer;
alter table core.fact_credit_note add column channel_document_date date;
