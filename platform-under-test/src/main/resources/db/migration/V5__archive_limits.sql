-- pollwatt reference platform: archive data for the rulebook parts that V2 could not hold
-- (docs/site-format.md): the enterprise's transformer or contracted capacity (DQ-14), limits on other quantities
-- than P (ALM-05), a LIMIT period's allowed number of running lines (ALM-07 line mode) and the maintenance
-- declarations (报备, OP-03) that suppress ALM-01…04 when approved. Every new column is nullable: not archived.
alter table enterprise add column capacity_kva double precision check (capacity_kva > 0);

alter table point add column i_max_a double precision check (i_max_a > 0);
alter table point add column u_min_v double precision check (u_min_v > 0);
alter table point add column u_max_v double precision check (u_max_v > 0);
alter table point add column pf_min double precision check (pf_min > 0 and pf_min <= 1);

alter table control_period add column allowed_lines int check (allowed_lines >= 0);

-- group_id: a treatment group id, or the id of a TREAT point in no group; local times in the enterprise's zone.
create table maintenance_declaration (
    enterprise_id text      not null references enterprise (id) on delete cascade,
    position      int       not null,
    group_id      text      not null,
    start_time    timestamp not null,
    end_time      timestamp not null check (end_time > start_time),
    approved      boolean   not null,
    reason        text      not null,
    primary key (enterprise_id, position)
);
