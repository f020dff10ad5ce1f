-- source_precedence, declared like every other parameter (issue #19): which source leads a golden customer's
-- history was handed to the SQL layer by the night without a seeded row, so ops.parameter showed nothing until the
-- first night and the parameter was the one key the night wrote without it being declared. The default is the order
-- 20_dim_customer.sql falls back to, so nothing a night computes changes. A warehouse that has run a night already
-- holds the row (the night wrote it from salesbi.yaml): it is kept as it is, and only the default is seeded.
insert into ops.parameter (name, value) values
    -- Which source system leads a golden customer's history (core.dim_customer) when several deliver it: the sources most trusted first, comma-separated (salesbi.yaml's source-precedence). A source not listed follows the listed ones in alphabetical order.
    ('source_precedence', 'crm,erp,excel')
on conflict do nothing;

insert into ops.parameter_default (name, value)
select 'source_precedence', 'crm,erp,excel'
where not exists (select 1 from ops.parameter_default where name = 'source_precedence');
