-- One row per published night: when managers and analysts started to see its numbers. Key: run_id.
create table ops.publish (
    run_id          bigint primary key,
    as_of_date      date not null,
    published_at    timestamp not null,
    kpi_views       integer not null,
    kpi_rows        bigint not null
);
