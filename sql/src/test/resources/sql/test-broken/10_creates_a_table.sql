-- A step that works: its table must be rolled back when a later script of the folder fails.
create table ops.step_must_roll_back (id integer);
insert into ops.step_must_roll_back values (1), (2);
