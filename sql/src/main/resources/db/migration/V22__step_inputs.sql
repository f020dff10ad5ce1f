-- What a step last worked on, as a content checksum: a night whose input to a step is unchanged skips that step
-- (its output would be the same), which keeps nights with few new files short. Key: step_name.
create table ops.step_input (
    step_name       varchar primary key,
    input_checksum  varchar not null,
    run_id          bigint not null
);
