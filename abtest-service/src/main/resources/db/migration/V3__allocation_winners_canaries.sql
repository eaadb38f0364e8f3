-- Each variant owns explicit variant buckets, so that new weights move the fewest users. Stored as a JSON list of
-- [from, to) pairs; existing variants get the consecutive ranges they were assigned by until now.
alter table experiment_variant add column buckets jsonb;

update experiment_variant v
set buckets = jsonb_build_array(jsonb_build_array(s.upto - v.weight * 100, s.upto))
from (select experiment_key, position,
             100 * sum(weight) over (partition by experiment_key order by position) as upto
      from experiment_variant) s
where s.experiment_key = v.experiment_key and s.position = v.position;

alter table experiment_variant alter column buckets set not null;

-- The variant an experiment was stopped with, served on its surface until another experiment runs there.
alter table experiment add column winner text;

-- A canary of a new model version: a sticky share of users served the candidate, grown step by step while the
-- guardrail holds.
create table canary (
    id                text primary key,
    algorithm         text not null,
    candidate_version text not null,
    baseline_version  text not null,
    steps             integer[] not null,
    step_duration     interval not null,
    min_impressions   integer not null check (min_impressions > 0),
    status            text not null check (status in ('running', 'promoting', 'promoted', 'rolled-back', 'aborted')),
    percent           integer not null check (percent between 0 and 100),
    step_started_at   timestamptz not null,
    created_at        timestamptz not null,
    finished_at       timestamptz
);

-- At most one canary of an algorithm in progress, even when two requests race.
create unique index canary_in_progress on canary (algorithm) where status in ('running', 'promoting');

-- Every change of a canary: who or what made it, when, the share before and after, and the evidence.
create table canary_decision (
    id                     bigserial primary key,
    canary_id              text not null references canary (id),
    actor                  text not null,
    action                 text not null,
    occurred_at            timestamptz not null,
    percent_from           integer not null,
    percent_to             integer not null,
    candidate_impressions  bigint,
    candidate_ctr          double precision,
    baseline_impressions   bigint,
    baseline_ctr           double precision,
    p_value                double precision,
    reason                 text not null
);

create index canary_decision_canary on canary_decision (canary_id, id);
