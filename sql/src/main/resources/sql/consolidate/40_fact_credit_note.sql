-- Consolidate core.fact_credit_note from staging.erp_credit_note: EUR amount through core.fx_rate, the golden
-- customer through core.customer_xref, channel from the credited order line (same document and product, else the
-- document's first line, else the debtor's latest order before the credit), category from the product.
--
-- Incremental: when the order line facts were replaced only for some keys tonight (30_fact_order_line.sql), only the
-- credit notes those lines can move are rebuilt: notes of a replaced document, and notes of a replaced line's debtor
-- (before or after, dated up to the credit) whose document has no order lines, which take the channel of the
-- debtor's latest order up to the credit date. All
-- notes are rebuilt when the credit notes, product categories, exchange rates or customer mapping changed, when the
-- facts are not what this script left, when the order line facts were rebuilt in full, or with --full.

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

-- The notes to rebuild (all of them on a full rebuild). Two statements instead of an OR, so that DuckDB joins.
create or replace temp table credit_note_affected as
select credit_note_no from staging.erp_credit_note where (select full_rebuild from credit_note_run);

insert into credit_note_affected
with debtor_note as (
    select c.credit_note_no, c.document_no
    from staging.erp_credit_note c
    semi join ops.order_line_consolidated k on k.debtor_no = c.debtor_no and k.document_date <= c.credit_date
    where not (select full_rebuild from credit_note_run)
),
known_document as (
    select distinct o.document_no
    from core.fact_order_line o
    semi join debtor_note d on d.document_no = o.document_no
)
select c.credit_note_no
from staging.erp_credit_note c
semi join ops.order_line_consolidated k on k.document_no = c.document_no
where not (select full_rebuild from credit_note_run)
union
select d.credit_note_no
from debtor_note d
anti join known_document k on k.document_no = d.document_no;

delete from core.fact_credit_note where (select full_rebuild from credit_note_run);

delete from core.fact_credit_note f
where exists (select 1 from credit_note_affected a where a.credit_note_no = f.credit_note_no);

insert into core.fact_credit_note
with note as (
    select c.* from staging.erp_credit_note c
    semi join credit_note_affected a on a.credit_note_no = c.credit_note_no
),
credited_line as (
    select c.credit_note_no,
        arg_min(o.channel_code, (o.product_no is distinct from c.product_no, o.line_no)) as channel_code,
        arg_min(o.product_category, (o.product_no is distinct from c.product_no, o.line_no)) as product_category
    from note c
    join core.fact_order_line o on o.document_no = c.document_no
    group by c.credit_note_no
),
latest_order as (
    -- only for credit notes whose document is not among the order lines: joining every credit note to all earlier
    -- lines of its debtor would read hundreds of lines per note
    select c.credit_note_no, arg_max(o.channel_code, (o.document_date, o.document_no, o.line_no)) as channel_code
    from note c
    join core.fact_order_line o on o.debtor_no = c.debtor_no and o.document_date <= c.credit_date
    where not exists (select 1 from core.fact_order_line d where d.document_no = c.document_no)
    group by c.credit_note_no
)
select c.credit_note_no, c.credit_date,
    cast(year(c.credit_date) as integer), cast(month(c.credit_date) as integer),
    c.debtor_no, x.customer_id, c.document_no, c.product_no,
    coalesce(p.product_category, l.product_category) as product_category,
    coalesce(l.channel_code, lo.channel_code) as channel_code,
    c.currency,
    case when c.currency = 'EUR' then cast(1 as decimal(18, 6)) else f.rate_per_eur end as rate_per_eur,
    c.amount,
    case when c.currency = 'EUR' then c.amount else round(c.amount / f.rate_per_eur, 2) end,
    c.reason, c._load_id, c._source_file, c._row_number
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
