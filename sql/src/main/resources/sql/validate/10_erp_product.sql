-- Validate ERP products: raw.erp_product -> staging.erp_product (latest delivered row per product_no wins);
-- rows breaking a rule go to quarantine.rejected_row (stage validate, rules product.*). A product number that no
-- product master delivers but whose order lines carry the product's name or group becomes a product from its latest
-- such line (group 'Sonstige' when the line has none; no list price or standard cost, so its margin is not available).
-- Runs every night, unlike the scripts marked "Skipped when unchanged": it names raw.erp_order_line, whose checksum
-- (60 M rows at scale 100: about 3 s) would cost a hundred times the script (30 ms), and order lines arrive nightly.

create or replace temp table product_candidate as
select p.* replace (
    trim(product_no) as product_no,
    trim(product_name) as product_name,
    -- in the reference spelling when the group is known in any case
    coalesce(g.product_group, trim(product_category)) as product_category,
    trim(unit) as unit)
from (
    select * from raw.erp_product
    union all by name
    select _load_id, _source_file, _file_hash, _sheet, _row_number, product_no, product_name,
        coalesce(nullif(trim(product_category), ''), 'Sonstige') as product_category
    from raw.erp_order_line o
    where (nullif(trim(o.product_name), '') is not null or nullif(trim(o.product_category), '') is not null)
        and not exists (select 1 from raw.erp_product m where trim(m.product_no) = trim(o.product_no))
) p
left join ref.product_group g on lower(g.product_group) = lower(trim(p.product_category))
where nullif(trim(product_no), '') is not null
qualify latest_row_per(trim(product_no));

create or replace temp table product_rejected as
select _load_id, _source_file, _sheet, _row_number, 'product_no' as column_name, product_no as raw_value,
    'product.missing_key' as rule, 'product number is empty; expected the Artikel number' as message
from raw.erp_product
where nullif(trim(product_no), '') is null
union all
select _load_id, _source_file, _sheet, _row_number, 'product_category', product_category,
    'product.missing_category', 'product ' || product_no || ' has no Warengruppe; expected a product category'
from product_candidate
where nullif(product_category, '') is null
union all
select _load_id, _source_file, _sheet, _row_number, 'product_category', product_category,
    'product.unknown_category', 'product ' || product_no || ' has Warengruppe ' || product_category || '; expected one of '
        || (select string_agg(product_group, ', ' order by sort_order) from ref.product_group)
        || ' (reference/product_groups.csv, which the steward can extend)'
from product_candidate c
where nullif(product_category, '') is not null
    -- an empty vocabulary (no reference file loaded) restricts nothing
    and exists (select 1 from ref.product_group)
    and not exists (select 1 from ref.product_group g where g.product_group = c.product_category)
union all
-- a missing list price or standard cost is no reason to drop a product: its margin is "not available" instead
select _load_id, _source_file, _sheet, _row_number, 'list_price', cast(list_price as varchar),
    'product.invalid_list_price', 'product ' || product_no || ' has list price ' || cast(list_price as varchar) || '; expected a price >= 0 or empty'
from product_candidate
where list_price < 0
union all
select _load_id, _source_file, _sheet, _row_number, 'standard_cost', cast(standard_cost as varchar),
    'product.invalid_standard_cost', 'product ' || product_no || ' has standard cost ' || cast(standard_cost as varchar) || '; expected a cost >= 0 or empty'
from product_candidate
where standard_cost < 0;

stage_validated(subject => product, source => erp, target => staging.erp_product,
    columns => (product_no, product_name, product_category, list_price, standard_cost, unit, _load_id, _source_file,
        _sheet, _row_number));
