-- The open deals added up by owner, stage and figures, and currency, without the month of the expected close that
-- deal_total keeps for forecasts (ADR 016): a dashboard's pipeline and deals' data quality read one total per owner,
-- stage and currency. Kept by the opportunity projection (io.relais.projection.RunningTotals).
create table open_deal_total (
    owner_id          varchar(64),
    stage             varchar(50) not null,
    probability       integer     not null,
    forecast_category varchar(20) not null,
    currency          varchar(3)  not null,
    deals             integer     not null,
    -- deals without an amount count zero in the sum
    amount            numeric     not null,
    -- the deals' recommended fields filled
    fields_filled     bigint      not null,
    unique nulls not distinct (owner_id, stage, probability, forecast_category, currency)
);
create index open_deal_total_emptied on open_deal_total (stage) where deals = 0;

insert into open_deal_total
select owner_id, stage, probability, forecast_category, currency, count(*), coalesce(sum(amount), 0),
       sum((primary_contact_id is not null)::int + (amount is not null)::int + (line_items <> '[]'::jsonb)::int
           + (margin is not null)::int)
from opportunity_view
where status = 'OPEN'
group by 1, 2, 3, 4, 5;

-- The deals' data quality is read from open_deal_total alone now; deal_total no longer keeps it.
alter table deal_total drop column fields_filled;
