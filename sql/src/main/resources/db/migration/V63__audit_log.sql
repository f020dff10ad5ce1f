-- The JDBC endpoint's audit trail (#16 item 4): one row per login attempt and per query, written by the serving
-- process in batches (io.salesbi.server.AuditLog). Read with 'salesbi audit' or, by stewards, over JDBC as ops.audit.
-- No key: rows are only ever appended.
--   logged_at: UTC; event: login | query
--   login: the user name as sent (for a failed login, possibly no account's name)
--   outcome: login: ok | failed | throttled | locked; query: ok | error | refused | closed (closed before its last row)
--   sql_sha256: hex SHA-256 of the query's SQL text (queries only; the text itself is in the server log)
--   detail: the SQL state of a failed query, or how long a throttled login must wait
create table if not exists ops.audit (
    logged_at       timestamp not null,
    event           varchar not null,
    login           varchar not null,
    client_address  varchar,
    outcome         varchar not null,
    sql_sha256      varchar,
    rows_returned   bigint,
    duration_ms     bigint,
    detail          varchar
);
