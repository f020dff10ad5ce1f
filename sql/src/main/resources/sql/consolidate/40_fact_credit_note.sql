-- Consolidate core.fact_credit_note from staging.erp_credit_note: EUR amount through core.fx_rate, the golden
-- customer through core.customer_xref, channel from the credited order line (same document and product, else the
-- document's first line, else the debtor's latest order up to the credit date), category from the product. The
-- line the channel came from is kept (channel_document_no, channel_line_no, channel_document_date).
--
-- Incremental: when the order line facts were replaced only for some keys tonight (30_fact_order_line.sql), only the
-- credit notes those lines can move are touched:
-- - notes of a replaced document, and notes whose channel line was replaced, are rebuilt;
-- - notes without order lines of their own whose debtor has a replaced line dated up to the credit take the later of
--   their channel line and those lines (the lines in between did not change, so the latest order is one of them).
-- All notes are rebuilt when the credit notes, product categories, exchange rates or customer mapping changed, when
-- the facts are not what this script left, when the order line facts were rebuilt in full, or with --full.

create or replace temp table credit_note_reference as
select concat_ws('/',
    (select count(*) || ':' || coalesce(sum(hash(c)), 0) from staging.erp_credit_note c),
    (select count(*) || ':' || coalesce(sum(hash(product_no, product_category)), 0) from core.dim_product),
    (select count(*) || ':' || coalesce(sum(hash(currency, rate_month, rate_per_eur)), 0) from core.fx_rate),
    (select count(*) || ':' || coalesce(sum(hash(source_key, customer_id)), 0) from core.customer_xref where source_system = 'erp'))
    as checksum;

create or replace temp table credit_note_run as
select
    coalesce(ops.param('full_rebuild'), 'false') = 'true' or s.subject is null or s.reference_checksum <> r.checksum
        or (select count(*) from core.fact_credit_note) <> s.rows_through
        or coalesce((
            select mode = 'incremental' from ops.incremental_state
            where subject = 'order_line_fact' and run_id = try_cast(ops.param('run_id') as bigint)), false) = false
        as full_rebuild,
    r.checksum
from credit_note_reference r
left join ops.incremental_state s on s.subject = 'credit_note_fact';

-- The notes to touch and how: 'full' (rebuilt) or 'latest' (the later of the channel line and the replaced lines).
-- Separate statements instead of ORs, so that DuckDB joins.
create or replace temp table credit_note_affected as
select credit_note_no, 'full' as how from staging.erp_credit_note where (select full_rebuild from credit_note_run);

insert into credit_note_affected
select c.credit_note_no, 'full'
from staging.erp_credit_note c
semi join ops.order_line_consolidated k on k.document_no = c.document_no
where not (select full_rebuild from credit_note_run);

insert into credit_note_affected
select c.credit_note_no,
    case when exists (
        select 1 from ops.order_line_consolidated s
        where s.document_no = f.channel_document_no and s.line_no = f.channel_line_no) then 'full' else 'latest' end
from staging.erp_credit_note c
join core.fact_credit_note f using (credit_note_no)
semi join ops.order_line_consolidated k on k.debtor_no = c.debtor_no and k.document_date <= c.credit_date
anti join ops.order_line_consolidated d on d.document_no = c.document_no
where not (select full_rebuild from credit_note_run)
    and f.channel_document_no is distinct from c.document_no;

-- 'latest' notes: their channel line (unchanged) against the debtor's replaced lines, as they are now, up to the
-- credit date
create or replace temp table credit_note_latest as
with candidate as (
    select a.credit_note_no, f.channel_code, f.channel_document_no as document_no, f.channel_line_no as line_no,
        f.channel_document_date as document_date
    from credit_note_affected a
    join core.fact_credit_note f using (credit_note_no)
    where a.how = 'latest' and f.channel_document_no is not null
    union all
    select a.credit_note_no, o.channel_code, o.document_no, o.line_no, o.document_date
    from credit_note_affected a
    join staging.erp_credit_note c using (credit_note_no)
    join (select distinct document_no, line_no from ops.order_line_consolidated) k on true
    join core.fact_order_line o on o.document_no = k.document_no and o.line_no = k.line_no
        and o.debtor_no = c.debtor_no and o.document_date <= c.credit_date
    where a.how = 'latest'
)
select credit_note_no,
    arg_max({'channel_code': channel_code, 'document_no': document_no, 'line_no': line_no,
        'document_date': document_date}, (document_date, document_no, line_no)) as line
from candidate
group by credit_note_no;

update core.fact_credit_note f
set channel_code = l.line.channel_code, channel_document_no = l.line.document_no, channel_line_no = l.line.line_no,
    channel_document_date = l.line.document_date
from credit_note_latest l
where l.credit_note_no = f.credit_note_no;

delete from core.fact_credit_note where (select full_rebuild from credit_note_run);

delete from core.fact_credit_note f
where exists (select 1 from credit_note_affected a where a.credit_note_no = f.credit_note_no and a.how = 'full');

insert into core.fact_credit_note (credit_note_no, credit_date, year, month, debtor_no, customer_id, document_no,
    product_no, product_category, channel_code, currency, rate_per_eur, amount_doc, amount_eur, reason, _load_id,
    _source_file, _row_number, channel_document_no, channel_line_no, channel_document_date)
with note as (
    select c.* from staging.erp_credit_note c
    semi join credit_note_affected a on a.credit_note_no = c.credit_note_no and a.how = 'full'
),
credited_line as (
    select c.credit_note_no,
        arg_min({'channel_code': o.channel_code, 'product_category': o.product_category, 'line_no': o.line_no,
            'document_date': o.document_date}, (o.product_no is distinct from c.product_no, o.line_no)) as line
    from note c
    join core.fact_order_line o on o.document_no = c.document_no
    group by c.credit_note_no
),
latest_order as (
    -- only for credit notes whose document is not among the order lines: joining every credit note to all earlier
    -- lines of its debtor would read hundreds of lines per note
    select c.credit_note_no,
        arg_max({'channel_code': o.channel_code, 'document_no': o.document_no, 'line_no': o.line_no,
            'document_date': o.document_date}, (o.document_date, o.document_no, o.line_no)) as line
    from note c
    join core.fact_order_line o on o.debtor_no = c.debtor_no and o.document_date <= c.credit_date
    where not exists (select 1 from core.fact_order_line d where d.document_no = c.document_no)
    group by c.credit_note_no
)
select c.credit_note_no, c.credit_date,
    cast(year(c.credit_date) as integer), cast(month(c.credit_date) as integer),
    c.debtor_no, x.customer_id, c.document_no, c.product_no,
    coalesce(p.product_category, l.line.product_category),
    coalesce(l.line.channel_code, lo.line.channel_code),
    c.currency,
    case when c.currency = coalesce(ops.param('home_currency'), 'EUR') then cast(1 as decimal(18, 6)) else f.rate_per_eur end,
    c.amount,
    case when c.currency = coalesce(ops.param('home_currency'), 'EUR') then c.amount else round(c.amount / f.rate_per_eur, 2) end,
    c.reason, c._load_id, c._source_file, c._row_number,
    case when l.line is not null then c.document_no else lo.line.document_no end,
    coalesce(l.line.line_no, lo.line.line_no),
    coalesce(l.line.document_date, lo.line.document_date)
from note c
left join core.dim_product p on p.product_no = c.product_no
left join credited_line l using (credit_note_no)
left join latest_order lo using (credit_note_no)
left join core.fx_rate f on f.currency = c.currency and f.rate_month = date_trunc('month', c.credit_date)
left join core.customer_xref x on x.source_system = 'erp' and x.source_key = c.debtor_no;

insert or replace into ops.incremental_state
select 'credit_note_fact', r.checksum, (select coalesce(max(_load_id), 0) from core.fact_credit_note),
    (select count(*) from core.fact_credit_note), ops.as_of_date(), try_cast(ops.param('run_id') as bigint),
    case when r.full_rebuild then 'full' else 'incremental' end, (select count(*) from credit_note_affected)
from credit_note_run r;
