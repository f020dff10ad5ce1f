-- Validate CRM contacts and activities: raw.crm_contact -> staging.crm_contact and raw.crm_activity ->
-- staging.crm_activity (latest delivered row per id wins); roles and journey phases become codes; rules
-- contact.* and activity.*. An unknown role or phase is kept as null (the row still counts as a touchpoint). A contact's
-- opt-out flag (consent, #21 item 6) is true only when the CRM delivered true; empty counts as not opted out (an
-- unreadable flag quarantines the row on loading, rule type.boolean, so the contact is shown in no contact-level view).
-- Skipped when unchanged: runs only when a table it names or a parameter it reads changed since its last run.
-- As-of date: compared only with raw.crm_activity.activity_date (an activity dated after it is refused).
-- The rule's message does not name the as-of date, so a row still refused keeps the message of the night that
-- refused it.

create or replace temp table contact_candidate as
select * replace (
    trim(contact_id) as contact_id,
    trim(account_id) as account_id,
    case lower(trim(buying_center_role))
        when 'decision maker' then 'decision_maker'
        when 'purchaser' then 'purchaser'
        when 'user' then 'user'
        when 'influencer' then 'influencer'
    end as buying_center_role,
    coalesce(opted_out, false) as opted_out)
from raw.crm_contact
where nullif(trim(contact_id), '') is not null
qualify latest_row_per(trim(contact_id));

create or replace temp table contact_rejected as
select _load_id, _source_file, _sheet, _row_number, 'contact_id' as column_name, contact_id as raw_value,
    'contact.missing_key' as rule, 'contact without Contact ID' as message
from raw.crm_contact
where nullif(trim(contact_id), '') is null
union all
select _load_id, _source_file, _sheet, _row_number, 'account_id', account_id,
    'contact.missing_account', 'contact ' || contact_id || ' has no Account ID'
from contact_candidate
where nullif(account_id, '') is null;

create or replace temp table activity_candidate as
select * replace (
    trim(activity_id) as activity_id,
    trim(account_id) as account_id,
    nullif(trim(contact_id), '') as contact_id,
    nullif(trim(channel), '') as channel,
    case lower(trim(journey_phase))
        when 'need recognition' then 'need_recognition'
        when 'preselection' then 'preselection'
        when 'purchase' then 'purchase'
        when 'usage' then 'usage'
        when 'new demand' then 'new_demand'
    end as journey_phase)
from raw.crm_activity
where nullif(trim(activity_id), '') is not null
qualify latest_row_per(trim(activity_id));

create or replace temp table activity_rejected as
select _load_id, _source_file, _sheet, _row_number, 'activity_id' as column_name, activity_id as raw_value,
    'activity.missing_key' as rule, 'activity without Activity ID' as message
from raw.crm_activity
where nullif(trim(activity_id), '') is null
union all
select _load_id, _source_file, _sheet, _row_number, 'account_id', account_id,
    'activity.missing_account', 'activity ' || activity_id || ' has no Account ID'
from activity_candidate
where nullif(account_id, '') is null
union all
select _load_id, _source_file, _sheet, _row_number, 'activity_date', cast(activity_date as varchar),
    'activity.invalid_date',
    'activity ' || activity_id || ' is dated ' || coalesce(cast(activity_date as varchar), 'empty')
        || '; expected a date up to the as-of date of the night that checked it (salesbi history)'
from activity_candidate
where activity_date is null or activity_date > ops.as_of_date();

stage_validated(subject => contact, source => crm, target => staging.crm_contact,
    columns => (contact_id, account_id, first_name, last_name, buying_center_role, email, phone, _load_id,
        _source_file, _sheet, _row_number, opted_out));

stage_validated(subject => activity, source => crm, target => staging.crm_activity,
    columns => (activity_id, account_id, contact_id, activity_date, channel, journey_phase, activity_type, _load_id,
        _source_file, _sheet, _row_number));
