-- The sales pipeline, from lead to order (issue 20):
-- * raw.crm_opportunity becomes the CRM's nightly opportunity snapshot: one row per opportunity and snapshot night,
--   with its lead source, owning channel and rep, dates, lost reason, the offer's margin and the ERP order of a won
--   deal; raw.crm_opportunity_history is the CRM's stage-history export (one row per change of stage, amount or
--   expected close date, the state after the change, the first row at creation);
-- * ref.opportunity_stage: the stages as reference data (reference/opportunity_stages.csv, ReferenceVocabularies);
-- * core.opportunity (current state) and core.opportunity_history (SCD2, valid_from/valid_to), filled by
--   sql/consolidate/70_opportunity.sql;
-- * core.sales_plan: the revenue plan the coverage KPI compares with (also created by the plan work, V60);
-- * the parameters of the pipeline KPIs.

alter table raw.crm_opportunity add column snapshot_date date;
alter table raw.crm_opportunity add column created_date date;
alter table raw.crm_opportunity add column closed_date date;
alter table raw.crm_opportunity add column lead_source varchar;
alter table raw.crm_opportunity add column channel varchar;
alter table raw.crm_opportunity add column opportunity_owner varchar;
alter table raw.crm_opportunity add column lost_reason varchar;
alter table raw.crm_opportunity add column margin_pct decimal(9, 4);
alter table raw.crm_opportunity add column erp_order_no varchar;

create table raw.crm_opportunity_history (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    opportunity_id varchar, changed_date date, stage varchar, amount_eur decimal(18, 2), expected_close_date date
);

-- One row per opportunity stage as the CRM spells it. Key: stage. status: open, won or lost; probability: the
-- default probability (0..1) that weights an open deal in this stage; journey_phase: the phase of the customer
-- journey the stage belongs to (codes as core.fact_touchpoint).
create table ref.opportunity_stage (
    stage          varchar primary key,
    name_de        varchar not null,
    name_en        varchar not null,
    sort_order     integer not null,
    probability    decimal(5, 4) not null,
    status         varchar not null,
    journey_phase  varchar
);

-- One row per opportunity: its state in the newest snapshot (or, without a snapshot, after its last history row).
-- Key: opportunity_id. customer_id is null while the CRM account matches no golden customer.
create table core.opportunity (
    opportunity_id       varchar primary key,
    account_id           varchar,
    customer_id          varchar,
    sales_region         varchar,
    product_group        varchar,
    lead_source          varchar,
    channel_code         varchar,
    opportunity_owner    varchar,
    created_date         date,
    stage                varchar,
    stage_order          integer,
    status               varchar,
    probability          decimal(5, 4),
    amount_eur           decimal(18, 2),
    expected_close_date  date,
    closed_date          date,
    lost_reason          varchar,
    margin_pct           decimal(9, 4),
    erp_order_no         varchar,
    erp_order_found      boolean not null,
    last_stage_change    date,
    history_source       varchar not null
);

-- One row per opportunity and version of its tracked state (stage, amount, expected close date), SCD2: valid_from
-- the day the state was first seen, valid_to the day before the next version (9999-12-31 for the current one).
-- Key: opportunity_id, valid_from. history_source: 'history_export' where the CRM delivered a stage history for the
-- opportunity, else 'snapshots' (derived from successive nightly snapshots).
create table core.opportunity_history (
    opportunity_id       varchar not null,
    valid_from           date not null,
    valid_to             date not null,
    is_current           boolean not null,
    version              integer not null,
    stage                varchar,
    stage_order          integer,
    status               varchar,
    probability          decimal(5, 4),
    amount_eur           decimal(18, 2),
    expected_close_date  date,
    history_source       varchar not null,
    primary key (opportunity_id, valid_from)
);

create table if not exists core.sales_plan (plan_month date not null, channel varchar not null, region varchar not null, product_group varchar, revenue_plan decimal(18,2) not null, contribution_plan decimal(18,2));

insert into ops.parameter (name, value) values
    -- Pipeline: an open opportunity is stalled when its stage has not changed for at least this many days.
    ('pipeline_stalled_days', '30'),
    -- Pipeline: potential not worked looks for an open opportunity or a touchpoint in this many months before the as-of date.
    ('pipeline_unworked_months', '6'),
    -- Pipeline: coverage compares the weighted open pipeline with the plan of this many months after the as-of month.
    ('pipeline_coverage_months', '6');
insert into ops.parameter_default (name, value) values
    ('pipeline_stalled_days', '30'), ('pipeline_unworked_months', '6'), ('pipeline_coverage_months', '6');
