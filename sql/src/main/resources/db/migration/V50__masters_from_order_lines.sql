-- Master data may be missing: an order export often carries the customer's name and address and the product's name
-- and group on every line instead of delivering a debtor or product master. These optional fields of an order line
-- let validation derive a debtor (sql/validate/20_erp_debtor.sql) and a product (10_erp_product.sql) for a number
-- that no master delivers.
alter table raw.erp_order_line add column customer_name varchar;
alter table raw.erp_order_line add column customer_street varchar;
alter table raw.erp_order_line add column customer_postcode varchar;
alter table raw.erp_order_line add column customer_city varchar;
alter table raw.erp_order_line add column customer_country varchar;
alter table raw.erp_order_line add column customer_industry varchar;
alter table raw.erp_order_line add column customer_region varchar;
alter table raw.erp_order_line add column product_name varchar;
alter table raw.erp_order_line add column product_category varchar;
