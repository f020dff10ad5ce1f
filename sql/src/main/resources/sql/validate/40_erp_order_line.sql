-- Validate ERP order lines: raw.erp_order_line -> staging.erp_order_line (latest delivered row per document_no and
-- line_no wins); rows breaking a rule go to quarantine.rejected_row (stage validate, rules order_line.*), one row
-- per broken rule. Needs staging.erp_product, staging.erp_debtor and staging.erp_fx_rate (scripts 10 to 30).
--
-- Incremental: order lines are by far the largest table, so a night checks only the rows delivered since the last
-- validation (raw load id above ops.incremental_state.through_load_id) plus the lines it rejected before because
-- they were dated after that night's as-of date. A new row replaces the staged or rejected line of the same key.
-- Everything is revalidated when the reference data the rules read changed (debtor and product numbers, exchange
-- rate months, channel spellings, net_price_max_list_factor), when the as-of date went back, when raw rows that were
-- validated before are gone, or when the night runs with --full (parameter full_rebuild). The keys touched are
-- appended to staging.erp_order_line_changed for consolidation.

create or replace temp table order_line_reference as
select concat_ws('/',
    (select count(*) || ':' || coalesce(sum(hash(debtor_no)), 0) from staging.erp_debtor),
    (select count(*) || ':' || coalesce(sum(hash(product_no)), 0) from staging.erp_product),
    (select count(*) || ':' || coalesce(sum(hash(currency, rate_month)), 0) from staging.erp_fx_rate),
    (select count(*) || ':' || coalesce(sum(hash(erp_spelling, channel_code)), 0) from core.dim_channel),
    (select count(*) || ':' || coalesce(sum(hash(currency)), 0) from ref.currency),
    coalesce(ops.param('net_price_max_list_factor'), ''),
    coalesce(ops.param('home_currency'), 'EUR')) as checksum;

-- after_load_id: rows of later loads are validated; 0 = all rows (a full revalidation).
create or replace temp table order_line_run as
select
    case
        when coalesce(ops.param('full_rebuild'), 'false') = 'true' or s.subject is null
            or s.reference_checksum <> r.checksum or ops.as_of_date() < s.as_of_date
            or (select count(*) from raw.erp_order_line where _load_id <= s.through_load_id) <> s.rows_through then 0
        else s.through_load_id
    end as after_load_id,
    (select coalesce(max(_load_id), 0) from raw.erp_order_line) as through_load_id,
    r.checksum
from order_line_reference r
left join ops.incremental_state s on s.subject = 'order_line_validation';

delete from quarantine.rejected_row
where stage = 'validate' and rule like 'order_line.%' and (select after_load_id from order_line_run) = 0;

delete from staging.erp_order_line where (select after_load_id from order_line_run) = 0;

-- Lines rejected on an earlier night as dated after its as-of date, with all their other rejections: the date may
-- have passed. A new delivery of the same key replaces them instead (it comes from a later load, so it is latest).
create or replace temp table order_line_requeued as
select distinct q.load_id, q.sheet, q.row_number
from quarantine.rejected_row q
where q.stage = 'validate' and q.rule = 'order_line.future_date'
    and q.load_id <= (select after_load_id from order_line_run);

-- The candidates: the latest row per key among the new rows and the requeued lines. First the keys alone: the window
-- runs over the narrow key columns (over every column of 50 million lines it ran out of DuckDB's buffer memory at
-- scale 100; over these it takes seconds), then the chosen rows are read in full. Two scans, not one with an OR: the
-- load id filter alone lets DuckDB skip the row groups of earlier loads (at scale 10, 0.15 s instead of 1.1 s).
create or replace temp table order_line_latest as
with picked as (
    select _load_id, _row_number, _sheet, document_no, line_no from raw.erp_order_line
    where _load_id > (select after_load_id from order_line_run)
    union all
    select r._load_id, r._row_number, r._sheet, r.document_no, r.line_no from raw.erp_order_line r
    semi join order_line_requeued q
        on q.load_id = r._load_id and q.row_number = r._row_number and q.sheet is not distinct from r._sheet
    where r._load_id <= (select after_load_id from order_line_run)
)
select _load_id, _row_number, _sheet
from picked
where nullif(trim(document_no), '') is not null and line_no is not null
qualify latest_row_per(trim(document_no), line_no);

create or replace temp table order_line_candidate as
select r.* replace (
    trim(document_no) as document_no,
    trim(debtor_no) as debtor_no,
    trim(product_no) as product_no,
    coalesce(nullif(upper(trim(currency)), ''), ops.param('home_currency'), 'EUR') as currency,
    -- a channel by its ERP spelling or by its code (FIELD_SALES), any case: kept in the ERP spelling
    coalesce(
        (select min(ch.erp_spelling) from core.dim_channel ch
         where lower(trim(r.sales_channel)) in (lower(ch.erp_spelling), lower(ch.channel_code))),
        trim(sales_channel)) as sales_channel,
    -- a file with only line totals: the unit price is the line total over the quantity
    coalesce(net_price, cast(line_amount / nullif(quantity, 0) as decimal(18, 4))) as net_price,
    -- without a list price the line counts as sold at list (no discount known)
    coalesce(list_price, net_price, cast(line_amount / nullif(quantity, 0) as decimal(18, 4))) as list_price)
from raw.erp_order_line r
semi join order_line_latest l
    on l._load_id = r._load_id and l._row_number = r._row_number and l._sheet is not distinct from r._sheet
where r._load_id >= (select coalesce(min(_load_id), 0) from order_line_latest);

-- The keys this night validates: their earlier staged rows and rejections give way to the candidates.
create or replace temp table order_line_key as
select distinct document_no, line_no
from order_line_candidate
where (select after_load_id from order_line_run) > 0;

-- The raw rows of rejected lines whose key this night validates (rejected rows first: they are few).
create or replace temp table order_line_rejected_again as
select r._load_id, r._row_number, r._sheet
from raw.erp_order_line r
semi join (
    select distinct load_id, row_number, sheet from quarantine.rejected_row
    where stage = 'validate' and rule like 'order_line.%' and rule <> 'order_line.missing_key') q
    on q.load_id = r._load_id and q.row_number = r._row_number and q.sheet is not distinct from r._sheet
semi join order_line_key k on k.document_no = trim(r.document_no) and k.line_no = r.line_no;

delete from quarantine.rejected_row q
where q.stage = 'validate' and q.rule like 'order_line.%' and q.rule <> 'order_line.missing_key'
    and exists (
        select 1 from order_line_rejected_again a
        where a._load_id = q.load_id and a._row_number = q.row_number and a._sheet is not distinct from q.sheet);

delete from staging.erp_order_line s
where exists (select 1 from order_line_key k where k.document_no = s.document_no and k.line_no = s.line_no);

create or replace temp table order_line_rejected as
select _load_id, _source_file, _sheet, _row_number,
    case when nullif(trim(document_no), '') is null then 'document_no' else 'line_no' end as column_name,
    coalesce(document_no, cast(line_no as varchar)) as raw_value,
    'order_line.missing_key' as rule, 'order line without Beleg or Position; expected both' as message
from raw.erp_order_line
where (nullif(trim(document_no), '') is null or line_no is null)
    and _load_id > (select after_load_id from order_line_run)
union all
select _load_id, _source_file, _sheet, _row_number, 'document_date', cast(document_date as varchar),
    'order_line.missing_date', 'order line ' || document_no || '/' || line_no || ' has no Belegdatum'
from order_line_candidate
where document_date is null
union all
select _load_id, _source_file, _sheet, _row_number, 'document_date', cast(document_date as varchar),
    'order_line.future_date',
    'order line ' || document_no || '/' || line_no || ' is dated ' || document_date || ', after the as-of date ' || ops.as_of_date()
from order_line_candidate
where document_date > ops.as_of_date()
union all
select _load_id, _source_file, _sheet, _row_number, 'debtor_no', debtor_no,
    'order_line.unknown_debtor',
    'order line ' || document_no || '/' || line_no || ' has debtor ' || coalesce(debtor_no, 'empty') || ', which is not in the debtor master'
from order_line_candidate c
where not exists (select 1 from staging.erp_debtor d where d.debtor_no = c.debtor_no)
union all
select _load_id, _source_file, _sheet, _row_number, 'product_no', product_no,
    'order_line.unknown_product',
    'order line ' || document_no || '/' || line_no || ' has product ' || coalesce(product_no, 'empty') || ', which is not in the product master'
from order_line_candidate c
where not exists (select 1 from staging.erp_product p where p.product_no = c.product_no)
union all
select _load_id, _source_file, _sheet, _row_number, 'quantity', cast(quantity as varchar),
    'order_line.non_positive_quantity',
    'order line ' || document_no || '/' || line_no || ' has quantity ' || coalesce(cast(quantity as varchar), 'empty') || '; expected a quantity > 0'
from order_line_candidate
where quantity is null or quantity <= 0
union all
select _load_id, _source_file, _sheet, _row_number, 'list_price', cast(list_price as varchar),
    'order_line.invalid_price',
    'order line ' || document_no || '/' || line_no || ' has list price ' || coalesce(cast(list_price as varchar), 'empty')
        || ' and net price ' || coalesce(cast(net_price as varchar), 'empty')
        || '; expected both >= 0 (or a line total and a quantity > 0)'
from order_line_candidate
where net_price is null or list_price < 0 or net_price < 0
union all
select _load_id, _source_file, _sheet, _row_number, 'net_price', cast(net_price as varchar),
    'order_line.net_above_list',
    'order line ' || document_no || '/' || line_no || ' has net price ' || net_price || ' above '
        || ops.param('net_price_max_list_factor') || ' x list price ' || list_price
from order_line_candidate
where net_price > list_price * ops.param_double('net_price_max_list_factor')
union all
select _load_id, _source_file, _sheet, _row_number, 'sales_channel', sales_channel,
    'order_line.unknown_channel',
    'order line ' || document_no || '/' || line_no || ' has sales channel ' || coalesce(sales_channel, 'empty')
        || '; expected one of ' || (select string_agg(erp_spelling || ' (' || channel_code || ')', ', ' order by sort_order)
            from core.dim_channel) || ' or a value map in the mapping'
from order_line_candidate c
where not exists (select 1 from core.dim_channel ch where ch.erp_spelling = c.sales_channel)
union all
select _load_id, _source_file, _sheet, _row_number, 'currency', currency,
    'order_line.unknown_currency',
    'order line ' || document_no || '/' || line_no || ' is in ' || currency || '; expected one of '
        || (select string_agg(currency, ', ' order by currency) from ref.currency)
        || ' (reference/currencies.csv, which the steward can extend)'
from order_line_candidate c
where exists (select 1 from ref.currency)
    and not exists (select 1 from ref.currency r where r.currency = c.currency)
union all
select _load_id, _source_file, _sheet, _row_number, 'currency', currency,
    'order_line.missing_fx_rate',
    'order line ' || document_no || '/' || line_no || ' is in ' || coalesce(currency, 'no currency')
        || ' with no exchange rate for ' || coalesce(strftime(document_date, '%Y-%m'), 'an unknown month')
from order_line_candidate c
where coalesce(currency, '') <> coalesce(ops.param('home_currency'), 'EUR')
    and (not exists (select 1 from ref.currency) or exists (select 1 from ref.currency r where r.currency = c.currency))
    and not exists (
        select 1 from staging.erp_fx_rate f
        where f.currency = c.currency and f.rate_month = date_trunc('month', c.document_date));

insert into quarantine.rejected_row
    (load_id, run_id, stage, source, source_file, sheet, row_number, column_name, raw_value, rule, message)
select _load_id, cast(ops.param('run_id') as bigint), 'validate', 'erp', _source_file, _sheet, _row_number,
    column_name, raw_value, rule, message
from order_line_rejected;

insert into staging.erp_order_line (document_no, line_no, document_date, debtor_no, product_no, quantity, list_price,
    net_price, discount_pct, currency, sales_channel, _load_id, _source_file, _sheet, _row_number, line_amount)
select document_no, line_no, document_date, debtor_no, product_no, quantity, list_price, net_price, discount_pct,
    currency, sales_channel, _load_id, _source_file, _sheet, _row_number, line_amount
from order_line_candidate c
where not exists (
    select 1 from order_line_rejected r
    where r._load_id = c._load_id and r._row_number = c._row_number and r._sheet is not distinct from c._sheet);

insert into staging.erp_order_line_changed
select null, null from order_line_run where after_load_id = 0
union all
select document_no, line_no from order_line_key;

insert or replace into ops.incremental_state
select 'order_line_validation', r.checksum, r.through_load_id,
    (select count(*) from raw.erp_order_line where _load_id <= r.through_load_id), ops.as_of_date(),
    cast(ops.param('run_id') as bigint), case when r.after_load_id = 0 then 'full' else 'incremental' end,
    (select count(*) from order_line_candidate)
from order_line_run r;
