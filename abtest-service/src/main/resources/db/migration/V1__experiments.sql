create table experiment (
    key              text primary key,
    surface          text not null,
    status           text not null check (status in ('draft', 'running', 'stopped')),
    traffic_percent  integer not null check (traffic_percent between 0 and 100),
    target_plans     text[] not null,
    target_platforms text[] not null,
    created_at       timestamptz not null,
    started_at       timestamptz,
    stopped_at       timestamptz
);

-- At most one running experiment per surface, even when two starts race.
create unique index experiment_running_surface on experiment (surface) where status = 'running';

create table experiment_variant (
    experiment_key text not null references experiment (key),
    position       integer not null,
    name           text not null,
    weight         integer not null check (weight between 1 and 100),
    model          text not null,
    primary key (experiment_key, position),
    unique (experiment_key, name)
);

create table audit_entry (
    id             bigserial primary key,
    experiment_key text not null,
    actor          text not null,
    action         text not null,
    occurred_at    timestamptz not null,
    detail         jsonb not null
);

create index audit_entry_experiment on audit_entry (experiment_key, id);

-- One row per served list that carried an experiment; the event id makes replays harmless.
create table impression (
    request_id     text primary key,
    event_id       text not null unique,
    experiment_key text not null,
    variant        text not null,
    user_id        text not null,
    occurred_at    timestamptz not null
);

create index impression_experiment on impression (experiment_key, variant);

-- One row per (request, book): repeated clicks on the same book of the same list count once.
create table click (
    event_id    text primary key,
    request_id  text not null,
    book_id     text not null,
    user_id     text not null,
    occurred_at timestamptz not null,
    unique (request_id, book_id)
);
