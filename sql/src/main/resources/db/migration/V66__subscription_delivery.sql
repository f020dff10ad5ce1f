-- Subscriptions (#17 item 7): what 'salesbi serve' mailed to each subscribed user after a published night, so that a
-- restart never mails a night twice and a failed mail is retried a bounded number of times, then reported. Written by
-- io.salesbi.pipeline.subscribe.SubscriptionDispatcher. No address is kept here: the user's login names the
-- subscription in salesbi.yaml. Key: (run_id, login).
--   status: sent | retrying (a try failed; tried again after subscriptions.retry-minutes) | failed (gave up after
--           subscriptions.max-attempts, reported to the stewards) | skipped (nothing was sent, detail says why)
--   delivery: attach | link (what the mail carried); times are UTC
create table if not exists ops.subscription_delivery (
    run_id              bigint not null,
    login               varchar not null,
    status              varchar not null,
    delivery            varchar,
    pages               integer,            -- pages attached or linked
    bytes               bigint,             -- the size of the attached pages
    attempts            integer not null,
    first_attempt_at    timestamp not null,
    last_attempt_at     timestamp not null,
    sent_at             timestamp,
    detail              varchar,            -- the last failure, or why nothing was sent
    primary key (run_id, login)
);
