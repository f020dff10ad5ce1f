-- The order line keys the last consolidation replaced (sql/consolidate/30_fact_order_line.sql), kept until the next
-- one. On a night that built the order line facts incrementally, only these keys can have changed in
-- staging.erp_order_line and core.fact_order_line since the last night whose checks passed, so the key check before
-- publication (sql/assert/45_keys_unique.sql) looks at them instead of grouping 5 M lines twice.
create table ops.order_line_consolidated (
    document_no varchar not null,
    line_no     integer not null
);
