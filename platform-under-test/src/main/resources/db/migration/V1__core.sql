-- pollwatt reference platform: the core tables (ingest, evidence, registry of devices).

-- 备案: the devices the platform accepts data from.
create table device (
    mn            text primary key,
    pw            text        not null,
    enterprise_id text        not null,
    registered_at timestamptz not null
);

-- Every frame received, accepted or not, append-only, hash-chained per MN so that tampering shows.
create table evidence (
    id          bigserial primary key,
    mn          text,                    -- null when the frame could not be read far enough
    received_at timestamptz not null,
    peer        text        not null,
    verdict     text        not null,    -- ACCEPTED, REJECTED, QUARANTINED
    code        text,                    -- the reason code of a rejection or quarantine
    raw         bytea       not null,
    prev_hash   bytea,
    hash        bytea       not null
);
create index evidence_by_mn_time on evidence (mn, received_at);

-- The data, one row per name of a CP (w01018-Rtd, g71301-Flag, …), literal values as sent.
-- Idempotent on (MN, CN, DataTime, name): a resend never counts twice (hj212-2017.md §9.4).
create table record (
    mn          text        not null,
    cn          text        not null,
    data_time   timestamp   not null,
    name        text        not null,
    value       text        not null,
    qn          text,
    received_at timestamptz not null,
    primary key (mn, cn, data_time, name)
);
create index record_by_time on record (data_time);

-- A second record with the same key and another value is kept out here and reported (DQ-18).
create table record_conflict (
    id                bigserial primary key,
    mn                text        not null,
    cn                text        not null,
    data_time         timestamp   not null,
    name              text        not null,
    stored_value      text        not null,
    conflicting_value text        not null,
    received_at       timestamptz not null
);

-- Frames of unknown devices or with a wrong password: kept, counted, visible, never silently dropped.
create table quarantine (
    id          bigserial primary key,
    mn          text,
    received_at timestamptz not null,
    reason      text        not null,
    evidence_id bigint      not null references evidence (id)
);
