-- Load ids are numbered inside each file's transaction (one more than the last recorded load), so that a night
-- killed half-way leaves no gap; the sequence created in V1 is not used.
drop sequence if exists ops.load_id_seq;
