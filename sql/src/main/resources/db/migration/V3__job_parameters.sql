-- Job parameters read by the SQL scripts (sql/validate, sql/consolidate, sql/assert) and the KPI views.
-- The nightly job overwrites the values from its configuration before it runs the scripts; the seed rows below
-- document every parameter with its default. Values are text; the macros below cast them where they are used.

create table ops.parameter (
    name  varchar primary key,
    value varchar               -- empty or null = the default documented here
);

insert into ops.parameter (name, value) values
    -- Business date of the run (yyyy-MM-dd). Empty = current_date. Documents dated later are rejected; recency is measured to it.
    ('as_of_date', null),
    -- Id of the nightly run; written to quarantine.rejected_row.run_id. Empty = null.
    ('run_id', null),
    -- An order line whose net price exceeds list price times this factor is rejected (typing error in the ERP).
    ('net_price_max_list_factor', '1.5'),
    -- Comma-separated Kanal values in the channel cost sheet that are no channel but a shared cost pool, allocated to the channels by channel_cost_allocation_key. Empty Kanal is shared too.
    ('shared_cost_channels', 'Gemeinkosten,Zentral,Vertrieb gesamt'),
    -- How shared channel costs are allocated to channels within a month: revenue (net revenue share), orders (share of order documents) or customers (share of distinct customers).
    ('channel_cost_allocation_key', 'revenue'),
    -- Cost to serve: EUR per field sales visit (service desk driver Visits).
    ('cost_per_visit_eur', '450'),
    -- Cost to serve: EUR per support ticket.
    ('cost_per_support_ticket_eur', '60'),
    -- Cost to serve: EUR per special delivery (express, small lot, special packaging).
    ('cost_per_special_delivery_eur', '250'),
    -- ABC analysis: a customer is A while the customers ranked before it hold less than this share of the total.
    ('abc_a_cutoff', '0.8'),
    -- ABC analysis: a customer is B while the customers ranked before it hold less than this share (and it is not A); else C.
    ('abc_b_cutoff', '0.95'),
    -- Potential segment: high when the open wallet (wallet minus own revenue) of the year is at least this amount.
    ('potential_high_min_open_wallet_eur', '100000'),
    -- Key accounts (buying center view): the top N customers by net revenue in the latest year with orders up to as_of_date.
    ('key_account_top_n', '20'),
    -- Cross-sell gaps: purchases in this many months up to as_of_date count as buying a category.
    ('cross_sell_lookback_months', '24'),
    -- Cross-sell gaps: a category is a gap when more than this share of the customer's industry peers (active buyers) buy it.
    ('cross_sell_min_peer_share', '0.5'),
    -- Assertion: the largest tolerated share of order lines whose debtor maps to no golden customer.
    ('max_unmapped_order_line_share', '0.0');

-- Typed access to a parameter; an empty value counts as missing.
create macro ops.param(parameter_name) as (
    select nullif(trim(value), '') from ops.parameter where name = parameter_name
);
create macro ops.param_double(parameter_name) as (cast(ops.param(parameter_name) as double));
create macro ops.as_of_date() as (coalesce(cast(ops.param('as_of_date') as date), current_date));
