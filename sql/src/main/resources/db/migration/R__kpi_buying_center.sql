-- kpi.buying_center
-- What: how well we know the buying center (Einkaufsgremium) of each key account: contacts per role and when we
--   last touched each role. A role with 0 contacts is a blind spot.
-- One row: key account × buying-center role (all four roles for every key account).
-- Key: customer_id, role.
-- Formula: key accounts = the key_account_top_n golden customers by net revenue (order lines minus credit notes)
--   in the latest year with sales up to the as-of date; contacts = CRM contacts of the customer with the role;
--   last_touchpoint_date = latest CRM activity with a contact of that role.
-- Sources: core.sales_line, core.dim_contact, core.fact_touchpoint (CRM), core.dim_customer, ops.parameter.
-- Caveats: contacts without a role and activities without a contact are not counted; ties at rank N are broken by
--   customer_id. Contacts who opted out (consent) are counted: these are figures of the customer's roles, not rows of
--   a contact (per contact: kpi.contact_touchpoints, without them).
-- Policy: customer(customer_id)
create or replace view kpi.buying_center as
with latest_year as (
    select max(year) as year from core.sales_line where line_date <= ops.as_of_date()
),
key_account as (
    select customer_id
    from (
        select s.customer_id, row_number() over (order by sum(s.net_amount_eur) desc, s.customer_id) as revenue_rank
        from core.sales_line s
        join latest_year y on s.year = y.year
        where s.customer_id is not null and s.line_date <= ops.as_of_date()
        group by s.customer_id
    ) ranked
    where revenue_rank <= cast(ops.param_double('key_account_top_n') as bigint)
),
role as (
    select * from (values
        ('decision_maker', 1), ('purchaser', 2), ('user', 3), ('influencer', 4)) as r(role, sort_order)
),
contact as (
    select customer_id, buying_center_role as role, count(*) as contacts
    from core.dim_contact
    where customer_id is not null
    group by all
),
touch as (
    select c.customer_id, c.buying_center_role as role, max(t.activity_date) as last_touchpoint_date
    from core.fact_touchpoint t
    join core.dim_contact c using (contact_id)
    where c.customer_id is not null
    group by all
)
select
    k.customer_id,
    d.company_name,
    r.role,
    cast(coalesce(c.contacts, 0) as bigint) as contacts,
    t.last_touchpoint_date
from key_account k
cross join role r
left join core.dim_customer d on d.customer_id = k.customer_id and d.is_current
left join contact c on c.customer_id = k.customer_id and c.role = r.role
left join touch t on t.customer_id = k.customer_id and t.role = r.role;
