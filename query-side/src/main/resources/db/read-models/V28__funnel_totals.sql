-- The funnel's history read from totals (ADR 016): closed deals are also told apart by the stages they had
-- visited, so that the deals closed in whole months are added up from deal_total, and only those closed in the
-- window's first, partial month are read one by one.
drop table deal_total;
create table deal_total (
    owner_id          varchar(64),
    status            varchar(10)  not null,
    stage             varchar(50)  not null,
    probability       integer      not null,
    forecast_category varchar(20)  not null,
    currency          varchar(3)   not null,
    month             date,
    -- closed deals: the stages they had visited, in order, comma-separated; null for open deals
    stages_visited    text,
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
    unique nulls not distinct (owner_id, status, stage, probability, forecast_category, currency, month, stages_visited)
);
create index deal_total_emptied on deal_total (status) where deals = 0;

insert into deal_total
select owner_id, status, stage, probability, forecast_category, currency,
       cast(date_trunc('month', cast(case when status = 'OPEN' then expected_close_date else closed_on end as timestamp)) as date),
       case when status = 'OPEN' then null else array_to_string(stages_visited, ',') end,
       count(*), coalesce(sum(amount), 0), count(amount), coalesce(sum(margin), 0), count(margin),
       coalesce(sum(closed_on - cast(created_at at time zone 'UTC' as date)), 0),
       sum((primary_contact_id is not null)::int + (amount is not null)::int + (line_items <> '[]'::jsonb)::int
           + (margin is not null)::int)
from opportunity_view
group by 1, 2, 3, 4, 5, 6, 7, 8;

-- The deals closed in the funnel window's first, partial month.
create index opportunity_view_closed on opportunity_view (closed_on) where status in ('WON', 'LOST');
