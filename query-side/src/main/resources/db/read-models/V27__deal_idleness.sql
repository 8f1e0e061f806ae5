-- How long each deal has been idle: since its last activity done or, without any, since it was opened. The
-- dashboard counts and lists the stale deals from this table alone (ADR 016). Two projections keep it, each its
-- own columns, through upserts that commute: the opportunity projection the deal's owner, whether it is open and
-- when it was opened; the activity projection when its last activity was done. A projection's reset clears only
-- its own columns.
create table deal_idleness (
    opportunity_id varchar(100) primary key,
    owner_id       varchar(64),
    open           boolean      not null default false,
    opened_at      timestamptz,
    last_done_at   timestamptz,
    idle_since     timestamptz generated always as (coalesce(last_done_at, opened_at)) stored
);
create index deal_idleness_by_owner on deal_idleness (owner_id, idle_since) where open;
create index deal_idleness_stalest on deal_idleness (idle_since, opportunity_id) where open;

-- Each column from the read model of the projection that keeps it, as far as that projection has read.
insert into deal_idleness (opportunity_id, owner_id, open, opened_at, last_done_at)
select coalesce(o.id, d.opportunity_id), o.owner_id, coalesce(o.status = 'OPEN', false), o.created_at, d.last_done_at
from opportunity_view o
         full join deal_last_activity d on d.opportunity_id = o.id;

drop table deal_last_activity;
