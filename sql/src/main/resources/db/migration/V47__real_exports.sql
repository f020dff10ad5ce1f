-- What a company's own exports need (issue "A steward's own exports"):
-- * ops.file_load.rows_filtered: rows a mapping's drop-rows-where dropped (totals, subtotals), so that
--   delivered = loaded + rejected + filtered for every file;
-- * an order line's own line total (line_amount, document currency, as delivered): revenue is the file's sum of
--   line totals to the cent, not quantity × a unit price rounded to four places;
-- * home_currency: the currency of a file or row that names none, and the one the KPIs report in.

alter table ops.file_load add column rows_filtered bigint default 0;

alter table raw.erp_order_line add column line_amount decimal(18, 4);
alter table staging.erp_order_line add column line_amount decimal(18, 4);

insert into ops.parameter (name, value) values
    -- The installation's home currency (ISO code): the currency of an order line or credit note whose file names none, and the currency the KPIs report in (the *_eur amounts are in it; exchange rates are units of a currency per 1 unit of it). Lines in it need no exchange rate.
    ('home_currency', 'EUR');
insert into ops.parameter_default (name, value) values ('home_currency', 'EUR');

-- A product without a standard cost keeps its revenue: its cost of goods is "not available" (null), never 0.
alter table core.fact_order_line alter column standard_cost_eur drop not null;
alter table core.fact_order_line alter column cost_of_goods_eur drop not null;

-- The raw table each load went to, so that the fate of every delivered row can be told per file
-- (kpi.dq_file_rows): one file may feed several mappings and tables.
alter table ops.file_load add column target varchar;
