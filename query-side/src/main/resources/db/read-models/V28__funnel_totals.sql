-- The funnel's history read from totals (ADR 016): the closed deals added up by owner, outcome, currency, month of
-- the closing and the stages they had visited (in order, comma-separated), kept by the opportunity projection
-- (io.relais.projection.RunningTotals). The deals closed in the window's whole months are added up from them, and only
-- those closed in its first, partial month are read one by one.
create table closed_deal_total (
    owner_id       varchar(64),
    status         varchar(10) not null,
    currency       varchar(3)  not null,
    month          date        not null,
    stages_visited text        not null,
    deals          integer     not null,
    -- deals without an amount count zero in the sum and are left out of with_amount
    amount         numeric     not null,
    with_amount    integer     not null,
    unique nulls not distinct (owner_id, status, currency, month, stages_visited)
);
create index closed_deal_total_emptied on closed_deal_total (status) where deals = 0;

insert into closed_deal_total
select owner_id, status, currency, cast(date_trunc('month', cast(closed_on as timestamp)) as date),
       array_to_string(stages_visited, ','), count(*), coalesce(sum(amount), 0), count(amount)
from opportunity_view
where status in ('WON', 'LOST')
group by 1, 2, 3, 4, 5;

-- The deals closed in the funnel window's first, partial month.
create index opportunity_view_closed on opportunity_view (closed_on) where status in ('WON', 'LOST');
