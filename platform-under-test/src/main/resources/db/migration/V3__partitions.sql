-- A province-scale archive: the data and the evidence are partitioned by month, so that a month's rows sit
-- together, old months can be detached or dropped whole, and queries for a time range touch only their months.
-- The ingest writer creates the partition of a month before it first stores a row there (record by DataTime,
-- evidence by receipt time); this migration creates those the existing rows need and moves the rows over.

-- Creates, if missing, the month partition of `parent` that holds `t`: a local date-time for record (DataTime
-- carries no zone), a UTC one for evidence (bounds then carry +00, whatever the session's time zone).
create function pollwatt_month_partition(parent text, t timestamp, utc boolean) returns void language plpgsql as $$
declare
    first_day timestamp := date_trunc('month', t);
    zone text := case when utc then '+00' else '' end;
begin
    execute format('create table if not exists %I partition of %I for values from (%L) to (%L)',
                   parent || '_' || to_char(first_day, 'YYYY_MM'), parent,
                   first_day::text || zone, (first_day + interval '1 month')::text || zone);
end $$;

-- record: one row per record (MN, CN, DataTime) instead of one per CP name, partitioned by DataTime. A 30-meter
-- upload is one row, not 240: what a province-scale ingest can afford. `cp` holds the record's CP pairs, names to
-- literal values as sent ({"g70101-Rtd": "10.01", "g70101-Flag": "N", ...}); the frame itself, in wire order,
-- stays in the evidence log. Idempotent on the key: a resend adds no row, another value for a name stored is a
-- conflict kept out and reported, names not stored yet (another packet of the record) are added.
alter table record rename to record_v1;
alter index record_by_time rename to record_v1_by_time;
alter table record_v1 rename constraint record_pkey to record_v1_pkey;
create table record (
    mn          text        not null,
    cn          text        not null,
    data_time   timestamp   not null,
    cp          jsonb       not null,
    qn          text,
    received_at timestamptz not null,
    primary key (mn, cn, data_time)
) partition by range (data_time);
create index record_by_time on record (data_time);
select pollwatt_month_partition('record', m, false) from (select distinct date_trunc('month', data_time) m from record_v1) x;
insert into record
select mn, cn, data_time, jsonb_object_agg(name, value), min(qn), min(received_at) from record_v1 group by mn, cn, data_time;
drop table record_v1;

-- evidence: partitioned by receipt time; the key gains it, as PostgreSQL requires, so quarantine keeps the id
-- without a foreign key (the id alone is still unique: it comes from one sequence)
alter table quarantine drop constraint quarantine_evidence_id_fkey;
alter table evidence rename to evidence_v1;
alter index evidence_by_mn_time rename to evidence_v1_by_mn_time;
alter table evidence_v1 rename constraint evidence_pkey to evidence_v1_pkey;
create table evidence (
    id          bigint      not null default nextval('evidence_id_seq'),
    mn          text,
    received_at timestamptz not null,
    peer        text        not null,
    verdict     text        not null,
    code        text,
    raw         bytea       not null,
    prev_hash   bytea,
    hash        bytea       not null,
    primary key (id, received_at)
) partition by range (received_at);
alter sequence evidence_id_seq owned by evidence.id;
-- the API's frames of one MN in a time range
create index evidence_by_mn_time on evidence (mn, received_at);
-- the chain's head of one MN (the writer's lookup after a restart); frames without a readable MN chain under ''
create index evidence_chain on evidence ((coalesce(mn, '')), id);
select pollwatt_month_partition('evidence', m, true)
from (select distinct date_trunc('month', received_at at time zone 'UTC') m from evidence_v1) x;
insert into evidence select id, mn, received_at, peer, verdict, code, raw, prev_hash, hash from evidence_v1;
drop table evidence_v1;
create index quarantine_by_mn_time on quarantine (mn, received_at);
