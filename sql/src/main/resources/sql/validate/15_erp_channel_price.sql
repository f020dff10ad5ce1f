-- Validate the ERP price list per sales channel: raw.erp_channel_price -> staging.erp_channel_price (latest delivered
-- row per product, channel and valid-from date wins). The channel may be given by its ERP spelling or its code; the
-- product must be a validated product (staging.erp_product) and the price above zero. Rules erp_channel_price.*.
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.

-- The staging table belongs to this script (raw.erp_channel_price is made from the mapping erp_channel_prices).
-- One row per product, channel and valid-from date; key: product_no, channel, valid_from. channel is the channel
-- code of core.dim_channel, list_price in the home currency.
create table if not exists staging.erp_channel_price (
    product_no varchar not null, channel varchar not null, valid_from date not null, list_price decimal(18, 4) not null,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint
);

create or replace temp table erp_channel_price_candidate as
select p.* replace (trim(p.product_no) as product_no, trim(p.sales_channel) as sales_channel),
    ch.channel_code,
    exists (select 1 from staging.erp_product pr where pr.product_no = trim(p.product_no)) as known_product
from raw.erp_channel_price p
left join core.dim_channel ch on lower(trim(p.sales_channel)) in (lower(ch.erp_spelling), lower(ch.channel_code))
where nullif(trim(p.product_no), '') is not null and nullif(trim(p.sales_channel), '') is not null
    and p.valid_from is not null
qualify latest_row_per(trim(p.product_no), coalesce(ch.channel_code, lower(trim(p.sales_channel))), p.valid_from);

create or replace temp table erp_channel_price_rejected as
select _load_id, _source_file, _sheet, _row_number,
    case when nullif(trim(product_no), '') is null then 'product_no'
        when nullif(trim(sales_channel), '') is null then 'sales_channel' else 'valid_from' end as column_name,
    coalesce(product_no, sales_channel, cast(valid_from as varchar)) as raw_value,
    'erp_channel_price.missing_key' as rule,
    'price without Artikel, Vertriebskanal or Gueltig ab; expected all three' as message
from raw.erp_channel_price
where nullif(trim(product_no), '') is null or nullif(trim(sales_channel), '') is null or valid_from is null
union all
select _load_id, _source_file, _sheet, _row_number, 'product_no', product_no, 'erp_channel_price.unknown_product',
    'price of ' || product_no || ' in ' || sales_channel || ' from ' || strftime(valid_from, '%d.%m.%Y')
        || ' names no product of the product master; expected a validated Artikel (erp_products)'
from erp_channel_price_candidate
where not known_product
union all
select _load_id, _source_file, _sheet, _row_number, 'sales_channel', sales_channel, 'erp_channel_price.unknown_channel',
    'price of ' || product_no || ' has Vertriebskanal ' || sales_channel || '; expected one of '
        || (select string_agg(erp_spelling || ' (' || channel_code || ')', ', ' order by sort_order) from core.dim_channel)
from erp_channel_price_candidate
where channel_code is null
union all
select _load_id, _source_file, _sheet, _row_number, 'list_price', cast(list_price as varchar),
    'erp_channel_price.invalid_price',
    'price of ' || product_no || ' in ' || sales_channel || ' from ' || strftime(valid_from, '%d.%m.%Y') || ' is '
        || coalesce(cast(list_price as varchar), 'empty') || '; expected a price above 0'
from erp_channel_price_candidate
where list_price is null or list_price <= 0;

stage_validated(subject => erp_channel_price, source => erp, target => staging.erp_channel_price,
    columns => (product_no, channel_code, valid_from, list_price, _load_id, _source_file, _sheet, _row_number),
    raw => raw.erp_channel_price);
