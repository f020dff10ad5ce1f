-- The seeded defaults of ops.parameter, kept apart: each night starts from them and applies the configuration on
-- top, so a key removed from salesbi.yaml falls back to its default instead of keeping last night's value.
create table ops.parameter_default as select name, value from ops.parameter;
