-- Consolidate core.fact_credit_note from staging.erp_credit_note: EUR amount through core.fx_rate, the golden
-- customer through core.customer_xref, channel from the credited order line (same document and product, else the
-- document's first line, else the debtor's latest order before the credit), category from the product.

delete from core.fact_credit_note;

insert into core.fact_credit_note
with credited_line as (
    select c.credit_note_no,
        arg_min(o.channel_code, (o.product_no is distinct from c.product_no, o.line_no)) as channel_code,
        arg_min(o.product_category, (o.product_no is distinct from c.product_no, o.line_no)) as product_category
    from staging.erp_credit_note c
    join core.fact_order_line o on o.document_no = c.document_no
    group by c.credit_note_no
),
latest_order as (
    -- only for credit notes whose document is not among the order lines: joining every credit note to all earlier
    -- lines of its debtor would read hundreds of lines per note
    select c.credit_note_no, arg_max(o.channel_code, (o.document_date, o.document_no, o.line_no)) as channel_code
    from staging.erp_credit_note c
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
from staging.erp_credit_note c
left join core.dim_product p on p.product_no = c.product_no
left join credited_line l using (credit_note_no)
left join latest_order lo using (credit_note_no)
left join core.fx_rate f on f.currency = c.currency and f.rate_month = date_trunc('month', c.credit_date)
left join core.customer_xref x on x.source_system = 'erp' and x.source_key = c.debtor_no;
