-- Totals of the deals and of the activities done, kept by the projections that write their rows
-- (io.relais.projection.RunningTotals): a vice-president's dashboard or forecast adds up some thousand totals
-- instead of reading every deal and activity of the organisation.

-- The deals as they stand now, alike in owner, status, stage and figures, currency, and month: of the expected
-- close for an open deal, of the closing for a closed one.
create table deal_total (
    owner_id          varchar(64),
    status            varchar(10)  not null,
    stage             varchar(50)  not null,
    probability       integer      not null,
    forecast_category varchar(20)  not null,
    currency          varchar(3)   not null,
    month             date,
    deals             integer      not null,
    -- deals without an amount (or a margin) count zero in the sum and are left out of with_amount (with_margin)
    amount            numeric      not null,
    with_amount       integer      not null,
    margin            numeric      not null,
    with_margin       integer      not null,
    -- closed deals: the days from opening to closing, added up
    cycle_days        bigint       not null,
    -- the deals' recommended fields filled (the dashboard's data quality)
    fields_filled     bigint       not null,
    unique nulls not distinct (owner_id, status, stage, probability, forecast_category, currency, month)
);
create index deal_total_emptied on deal_total (status) where deals = 0;

-- The activities done, by owner, kind and week (from Monday, UTC) of their completion.
create table activity_done_week (
    owner_id   varchar(64),
    kind       varchar(10) not null,
    week       date        not null,
    activities integer     not null,
    unique nulls not distinct (owner_id, kind, week)
);
create index activity_done_week_emptied on activity_done_week (kind) where activities = 0;

-- Whether any deal changed after a moment: if none did, the deals in force then are the deals as they stand now.
create index opportunity_history_valid_from on opportunity_history (valid_from);

-- The dashboard's overdue tasks: the open tasks alone.
create index activity_view_open_task on activity_view (owner_id, due_at) where kind = 'TASK' and status = 'OPEN';

-- The funnel's meetings held in its months of history: the meetings held alone, by when.
create index activity_view_meeting_held on activity_view (coalesce(completed_at, occurred_at), owner_id)
    where kind = 'MEETING' and status = 'DONE';

insert into deal_total
select owner_id, status, stage, probability, forecast_category, currency,
       cast(date_trunc('month', cast(case when status = 'OPEN' then expected_close_date else closed_on end as timestamp)) as date),
       count(*), coalesce(sum(amount), 0), count(amount), coalesce(sum(margin), 0), count(margin),
       coalesce(sum(closed_on - cast(created_at at time zone 'UTC' as date)), 0),
       sum((primary_contact_id is not null)::int + (amount is not null)::int + (line_items <> '[]'::jsonb)::int
           + (margin is not null)::int)
from opportunity_view
group by 1, 2, 3, 4, 5, 6, 7;

insert into activity_done_week
select owner_id, kind, cast(date_trunc('week', coalesce(completed_at, occurred_at) at time zone 'UTC') as date),
       count(*)
from activity_view
where status = 'DONE' and coalesce(completed_at, occurred_at) is not null
group by 1, 2, 3;
