-- The order line keys the last consolidation replaced (sql/consolidate/30_fact_order_line.sql), kept until the next
-- one, with the debtor and document date of each key's fact before and after (one row each; null when there was or
-- is no fact). On a
-- night that built the order line facts incrementally, only these keys can have changed in staging.erp_order_line and
-- core.fact_order_line since the last night whose checks passed: the key check before publication
-- (sql/assert/45_keys_unique.sql) looks at them instead of grouping 5 M lines twice, and credit note facts
-- (sql/consolidate/40_fact_credit_note.sql) are rebuilt only for the documents and debtors they name.
create table ops.order_line_consolidated (
    document_no varchar not null,
    line_no     integer not null,
    debtor_no   varchar,
    document_date date
);
