create table interactions (
    event_id    text primary key,
    user_id     text        not null,
    book_id     text        not null,
    type        text        not null,
    value       smallint,
    occurred_at timestamptz not null
);

create index interactions_user_newest_first on interactions (user_id, occurred_at desc);

create table books (
    book_id  text primary key,
    title    text    not null,
    authors  text[]  not null,
    language text,
    year     integer,
    tags     text[]  not null,
    active   boolean not null default true
);

create table users (
    user_id  text primary key,
    plan     text,
    language text
);

create table applied_snapshots (
    entity       text primary key,
    snapshot_key text        not null,
    polled_at    timestamptz not null,
    applied_at   timestamptz not null
);
