-- Reference vocabularies are data, not migrations: channels, regions, segments (industries), product groups and
-- currencies come from CSV files in the installation's reference/ folder (written with the bundled defaults on the
-- first night, extended by the steward) and are reloaded at the start of every validation (ReferenceVocabularies).
-- core.dim_channel keeps its shape; it is now filled from reference/channels.csv instead of a seed.
create schema if not exists ref;

-- One row per sales region. Key: region.
create table ref.region (
    region      varchar primary key,
    name_en     varchar not null,
    is_export   boolean not null,
    sort_order  integer not null
);

-- One row per segment (industry, Branche). Key: industry.
create table ref.segment (
    industry    varchar primary key,
    name_en     varchar not null,
    sort_order  integer not null
);

-- One row per product group (Warengruppe). Key: product_group.
create table ref.product_group (
    product_group varchar primary key,
    name_en       varchar not null,
    sort_order    integer not null
);

-- One row per currency a document may be in (ISO 4217). Key: currency.
create table ref.currency (
    currency    varchar primary key,
    name_de     varchar not null,
    name_en     varchar not null
);
