-- Impressions are kept for experiments and for canaries of a model version, so an impression need not name an
-- experiment any more. Each row now also says what served the list and whether it was a fallback.
alter table impression
    alter column experiment_key drop not null,
    alter column variant drop not null,
    add column surface text,
    add column algorithm text,
    add column model_version text,
    add column fallback boolean not null default false,
    add column canary_id text,
    add column canary_arm text check (canary_arm in ('candidate', 'baseline'));

create index impression_canary on impression (canary_id, canary_arm) where canary_id is not null;

create index impression_experiment_time on impression (experiment_key, occurred_at);

-- Opens, finishes and upgrades that carry the request id of a list: one row per (request, type, book), so
-- repeats count once. An upgrade names no book and is stored with an empty book id.
create table outcome (
    event_id    text primary key,
    request_id  text not null,
    type        text not null check (type in ('open', 'finish', 'upgrade')),
    book_id     text not null,
    user_id     text not null,
    occurred_at timestamptz not null,
    unique (request_id, type, book_id)
);
