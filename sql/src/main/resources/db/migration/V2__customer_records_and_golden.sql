-- The contract between standardization/matching (pipeline, package match) and the core model (sql/core).

-- One row per customer record in any source (CRM account, ERP debtor, sales rep list row), standardized for
-- matching. Key: record_key = source_system || ':' || source_key. Rebuilt by standardizeCustomersStep.
create table staging.customer_record (
    record_key          varchar primary key,
    source_system       varchar not null,     -- crm, erp, excel
    source_key          varchar not null,     -- crm Account ID, erp Debitor, excel '<file stem>/<Nr.>'
    company_name        varchar,              -- as delivered
    name_normalized     varchar,              -- legal form split off, umlauts folded, lower case, noise removed
    legal_form          varchar,              -- canonical legal form, e.g. 'GmbH & Co. KG'
    street              varchar,              -- standardized street name without house number
    house_number        varchar,
    postcode            varchar,
    city                varchar,
    country             varchar,              -- ISO 3166-1 alpha-2
    phone               varchar,              -- E.164
    email               varchar,
    website_domain      varchar,
    vat_id              varchar,              -- normalized, only when the format checks out
    erp_debtor_no       varchar,              -- strong identifier: the ERP debtor number (erp records, CRM field)
    industry            varchar,
    sales_region        varchar,
    account_owner       varchar,
    wallet_estimate_eur decimal(18, 2),
    potential_eur       decimal(18, 2),
    source_updated_at   timestamp,
    _load_id            bigint
);

-- Which golden customer each source record belongs to. Key: (source_system, source_key).
create table core.customer_xref (
    source_system       varchar not null,
    source_key          varchar not null,
    customer_id         varchar not null,     -- stable across runs, e.g. 'C0000123'
    match_probability   double,               -- of the record belonging to its cluster; 1.0 for the seed record
    primary key (source_system, source_key)
);

-- One row per golden customer: the surviving value of every field and the source it survived from.
create table core.customer_golden (
    customer_id         varchar primary key,
    company_name        varchar,
    legal_form          varchar,
    street              varchar,
    postcode            varchar,
    city                varchar,
    country             varchar,
    phone               varchar,
    email               varchar,
    website_domain      varchar,
    vat_id              varchar,
    industry            varchar,
    sales_region        varchar,
    account_owner       varchar,
    wallet_estimate_eur decimal(18, 2),
    potential_eur       decimal(18, 2),
    record_count        integer not null,
    source_systems      varchar not null,     -- e.g. 'crm,erp,excel'
    field_sources       varchar               -- JSON object: field -> record_key the value survived from
);
