-- pollwatt reference platform: alarms (rulebook §4) and their lifecycle.
-- One row per episode and deduplication key (enterprise, rule, treatment group or point or device): a re-evaluation
-- of the same data updates the row, never adds a second one. Findings are kept as the rules reported them;
-- review (人工审核, OP-02) is the people's part.
create table alarm (
    id             bigserial primary key,
    enterprise_id  text        not null,
    rule_id        text        not null,
    rule_version   int         not null,
    key            text        not null,
    subtype        text,
    points         text[]      not null,
    related        text[]      not null,
    start_time     timestamp   not null,   -- first sample of the episode, local time of the enterprise
    raised_at      timestamp   not null,   -- the sample at which the rule's duration was reached
    end_time       timestamp,              -- e + Δ; null while open
    level          int         not null check (level between 1 and 3),
    status         text        not null check (status in ('OPEN', 'CLOSED')),
    closing_reason text,                   -- ended, recoveredByResend, retracted, merged
    detected_late  boolean     not null,
    evidence       jsonb       not null,
    opened_at      timestamptz not null,   -- platform time it was first stored
    updated_at     timestamptz not null,
    closed_at      timestamptz,
    review_state   text        not null default 'UNREVIEWED'
        check (review_state in ('UNREVIEWED', 'CONFIRMED', 'DISMISSED')),
    review_comment text,
    reviewer       text,
    reviewed_at    timestamptz
);
create index alarm_by_enterprise_time on alarm (enterprise_id, start_time);
create index alarm_by_key on alarm (enterprise_id, rule_id, key, start_time);
create index alarm_by_rule_time on alarm (rule_id, start_time);
create index alarm_open on alarm (enterprise_id) where status = 'OPEN';

-- What happened to an alarm, in order: OPENED, UPDATED, CLOSED, REOPENED, REVIEWED.
create table alarm_event (
    id       bigserial primary key,
    alarm_id bigint      not null references alarm (id) on delete cascade,
    at       timestamptz not null,
    kind     text        not null,
    detail   jsonb       not null
);
create index alarm_event_by_alarm on alarm_event (alarm_id, id);
