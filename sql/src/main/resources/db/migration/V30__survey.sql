-- The sales-excellence self-assessment (Standortbestimmung, issue #9): one answer per survey wave, respondent and
-- question, as delivered in the workbook Standortbestimmung_<wave>.xlsx (inbox survey, mapping survey.yaml), and its
-- validated staging table. Codes and German labels accepted per column are in docs/inbox-formats.md.

-- As delivered: role, area and orientation as the workbook writes them (German label or code), score as a number.
create table raw.survey_answer (
    _load_id bigint not null, _source_file varchar not null, _file_hash varchar not null, _sheet varchar, _row_number bigint not null,
    wave varchar, respondent_id varchar, respondent_role varchar, area varchar, orientation varchar,
    question_id varchar, question varchar, score integer, comment varchar
);

-- One row per wave, respondent and question; the latest delivered answer wins. Key: wave, respondent_id, question_id.
-- respondent_role as a code: self, head_of_sales, sales_staff, other_department, customer_partner.
-- area as a code: sales_strategy, sales_management, customer_relationship, information_management.
-- orientation as a code: customer, performance, team. score an integer on the scale 1 (poor) to 5 (excellent).
create table staging.survey_answer (
    wave varchar not null, respondent_id varchar not null, respondent_role varchar not null, area varchar not null,
    orientation varchar not null, question_id varchar not null, question varchar, score integer not null, comment varchar,
    _load_id bigint, _source_file varchar, _sheet varchar, _row_number bigint,
    primary key (wave, respondent_id, question_id)
);

-- The accepted spellings of respondent role, area and orientation (German label as in the template, or the code).
-- Validation compares lower(trim(value)) with lower(label); a value not listed is quarantined.
create table ops.survey_code (
    kind varchar not null,      -- role, area, orientation
    label varchar not null,     -- as written in the workbook
    code varchar not null,
    sort_order integer not null,
    primary key (kind, label)
);

insert into ops.survey_code (kind, label, code, sort_order) values
    ('role', 'Selbstbild', 'self', 1),
    ('role', 'self', 'self', 1),
    ('role', 'Vertriebsleitung', 'head_of_sales', 2),
    ('role', 'head_of_sales', 'head_of_sales', 2),
    ('role', 'Vertriebsmitarbeiter', 'sales_staff', 3),
    ('role', 'sales_staff', 'sales_staff', 3),
    ('role', 'Andere Abteilung', 'other_department', 4),
    ('role', 'other_department', 'other_department', 4),
    ('role', 'Kunde/Partner', 'customer_partner', 5),
    ('role', 'customer_partner', 'customer_partner', 5),
    ('area', 'Vertriebsstrategie', 'sales_strategy', 1),
    ('area', 'sales_strategy', 'sales_strategy', 1),
    ('area', 'Vertriebsmanagement', 'sales_management', 2),
    ('area', 'sales_management', 'sales_management', 2),
    ('area', 'Kundenbeziehungsmanagement', 'customer_relationship', 3),
    ('area', 'customer_relationship', 'customer_relationship', 3),
    ('area', 'Informationsmanagement', 'information_management', 4),
    ('area', 'information_management', 'information_management', 4),
    ('orientation', 'Kundenorientierung', 'customer', 1),
    ('orientation', 'customer', 'customer', 1),
    ('orientation', 'Leistungsorientierung', 'performance', 2),
    ('orientation', 'performance', 'performance', 2),
    ('orientation', 'Teamorientierung', 'team', 3),
    ('orientation', 'team', 'team', 3);

insert into ops.parameter (name, value) values
    -- Self-assessment: an area counts as strong when its mean score (scale 1 to 5) is at least this.
    ('survey_strong_min_score', '3.5'),
    -- Self-assessment: champions need all four areas strong and at most this difference between the best and the worst area.
    ('survey_champion_max_spread', '0.75'),
    -- Self-assessment: a gap between self-image and an external image is significant when Welch's |t| exceeds this.
    ('survey_gap_min_t', '2');

-- ops.parameter_default (V21) snapshotted the defaults before this migration: add the new ones.
insert into ops.parameter_default select name, value from ops.parameter where name like 'survey\_%' escape '\';
