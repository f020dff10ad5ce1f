-- Consolidate core.fact_order_line from staging.erp_order_line: channel code, product category and standard cost,
-- amounts in EUR through core.fx_rate of the document month (rounded per line to the cent), the golden customer
-- through core.customer_xref (source_system 'erp'; null when the debtor is not matched).

delete from core.fact_order_line;

insert into core.fact_order_line
with priced as (
    select o.*,
        cast(year(o.document_date) as integer) as year,
        cast(month(o.document_date) as integer) as month,
        x.customer_id,
        p.product_category,
        p.standard_cost_eur,
        ch.channel_code,
        case when o.currency = 'EUR' then cast(1 as decimal(18, 6)) else f.rate_per_eur end as rate_per_eur
    from staging.erp_order_line o
    join core.dim_product p on p.product_no = o.product_no
    join core.dim_channel ch on ch.erp_spelling = o.sales_channel
    left join core.fx_rate f on f.currency = o.currency and f.rate_month = date_trunc('month', o.document_date)
    left join core.customer_xref x on x.source_system = 'erp' and x.source_key = o.debtor_no
)
select document_no, line_no, document_date, year, month, debtor_no, customer_id, product_no, product_category,
    channel_code, quantity, list_price, net_price, discount_pct, standard_cost_eur, currency, rate_per_eur,
    -- EUR lines stay exact decimals; a division in DuckDB yields a double, so foreign currency is rounded from that
    case when currency = 'EUR' then round(quantity * list_price, 2) else round(quantity * list_price / rate_per_eur, 2) end
        as list_amount_eur,
    case when currency = 'EUR' then round(quantity * net_price, 2) else round(quantity * net_price / rate_per_eur, 2) end
        as net_amount_eur,
    round(quantity * net_price, 2) as net_amount_doc,
    round(quantity * standard_cost_eur, 2) as cost_of_goods_eur,
    _load_id, _source_file, _row_number
from priced;
