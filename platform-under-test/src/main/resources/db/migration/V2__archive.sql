-- pollwatt reference platform: the archive (备案) of each enterprise, imported from site files
-- (docs/site-format.md, "What the platform reads"). Every table below belongs to one enterprise and goes with it:
-- a re-import deletes the enterprise row (cascading) and writes the archive anew, in one transaction.
-- "position" columns keep the file's order, so an export reads like the file it came from.

create table enterprise (
    id          text primary key,
    name        text        not null,
    district    text        not null,
    industry    text        not null,
    zone        text        not null,
    imported_at timestamptz not null
);

-- An archived metering point: values as archived (the archive's CT ratio, not the installed one).
create table point (
    enterprise_id text             not null references enterprise (id) on delete cascade,
    id            text             not null,
    position      int              not null,
    name          text             not null,
    kind          text             not null check (kind in ('MAIN', 'PROD', 'TREAT', 'PROD_TREAT', 'INDIRECT')),
    parent_id     text,
    voltage_v     double precision not null check (voltage_v > 0),
    wiring        text             not null check (wiring in ('3P4W', '3P3W')),
    pt_primary    numeric check (pt_primary > 0),
    pt_secondary  numeric check (pt_secondary > 0),
    meter_id      text             not null,
    ct_primary    numeric          not null check (ct_primary > 0),
    ct_secondary  numeric          not null check (ct_secondary > 0),
    p_on_kw       double precision check (p_on_kw > 0),
    p_ref_kw      double precision check (p_ref_kw > 0),
    p_hi_kw       double precision check (p_hi_kw > 0),
    r_low         double precision check (r_low > 0 and r_low < 1),
    primary key (enterprise_id, id),
    unique (enterprise_id, meter_id),
    check ((pt_primary is null) = (pt_secondary is null)),
    foreign key (enterprise_id, parent_id) references point (enterprise_id, id) deferrable initially deferred
);

create table treatment_group (
    enterprise_id text not null references enterprise (id) on delete cascade,
    id            text not null,
    position      int  not null,
    required      int  not null check (required >= 1),
    primary key (enterprise_id, id)
);

create table treatment_group_member (
    enterprise_id text not null,
    group_id      text not null,
    position      int  not null,
    point_id      text not null,
    primary key (enterprise_id, group_id, point_id),
    foreign key (enterprise_id, group_id) references treatment_group (enterprise_id, id) on delete cascade,
    foreign key (enterprise_id, point_id) references point (enterprise_id, id) on delete cascade
);

-- 关联关系: production point needs treatment group.
create table association (
    enterprise_id       text not null,
    position            int  not null,
    production_point_id text not null,
    group_id            text not null,
    primary key (enterprise_id, production_point_id, group_id),
    foreign key (enterprise_id, production_point_id) references point (enterprise_id, id) on delete cascade,
    foreign key (enterprise_id, group_id) references treatment_group (enterprise_id, id) on delete cascade
);

-- 停产 / 限产 / 错峰, local times in the enterprise's zone.
create table control_period (
    enterprise_id text             not null references enterprise (id) on delete cascade,
    position      int              not null,
    kind          text             not null check (kind in ('STOP', 'LIMIT', 'OFF_PEAK')),
    start_time    timestamp        not null,
    end_time      timestamp        not null check (end_time > start_time),
    limit_ratio   double precision check (limit_ratio > 0 and limit_ratio < 1),
    primary key (enterprise_id, position),
    check ((kind = 'LIMIT') = (limit_ratio is not null))
);

-- The production points a control period concerns; none: all.
create table control_period_point (
    enterprise_id   text not null,
    period_position int  not null,
    position        int  not null,
    point_id        text not null,
    primary key (enterprise_id, period_position, point_id),
    foreign key (enterprise_id, period_position) references control_period (enterprise_id, position) on delete cascade,
    foreign key (enterprise_id, point_id) references point (enterprise_id, id) on delete cascade
);

create table stack (
    enterprise_id text             not null references enterprise (id) on delete cascade,
    id            text             not null,
    position      int              not null,
    height_m      double precision not null check (height_m > 0),
    primary key (enterprise_id, id)
);

-- What discharges through a stack: production points and treatment groups.
create table stack_production (
    enterprise_id text not null,
    stack_id      text not null,
    position      int  not null,
    point_id      text not null,
    primary key (enterprise_id, stack_id, point_id),
    foreign key (enterprise_id, stack_id) references stack (enterprise_id, id) on delete cascade,
    foreign key (enterprise_id, point_id) references point (enterprise_id, id) on delete cascade
);

create table stack_group (
    enterprise_id text not null,
    stack_id      text not null,
    position      int  not null,
    group_id      text not null,
    primary key (enterprise_id, stack_id, group_id),
    foreign key (enterprise_id, stack_id) references stack (enterprise_id, id) on delete cascade,
    foreign key (enterprise_id, group_id) references treatment_group (enterprise_id, id) on delete cascade
);

-- Facilities of the permit or EIA without a metering point (无对应监管点位).
create table unmetered_facility (
    enterprise_id text not null references enterprise (id) on delete cascade,
    position      int  not null,
    name          text not null,
    kind          text not null check (kind in ('MAIN', 'PROD', 'TREAT', 'PROD_TREAT', 'INDIRECT')),
    primary key (enterprise_id, position)
);

-- The archive's devices: V1's device table keeps MN and PW (what ingest checks); this says what each MN is.
create table archive_device (
    mn            text primary key references device (mn) on delete cascade,
    enterprise_id text not null references enterprise (id) on delete cascade,
    position      int  not null,
    kind          text not null check (kind in ('DTU', 'COLLECTOR')),
    stack_id      text,
    check ((kind = 'COLLECTOR') = (stack_id is not null)),
    foreign key (enterprise_id, stack_id) references stack (enterprise_id, id) on delete cascade
);

-- Meter PP of DTU mn is archived point point_id: factor code g7QQPP of that MN is quantity QQ of the point.
create table device_meter (
    mn            text not null references archive_device (mn) on delete cascade,
    meter_number  int  not null check (meter_number between 1 and 99),
    enterprise_id text not null,
    point_id      text not null,
    primary key (mn, meter_number),
    unique (enterprise_id, point_id),
    foreign key (enterprise_id, point_id) references point (enterprise_id, id) on delete cascade
);
