-- The funnel's history read from totals (ADR 016): closed deals are also told apart by the stages they had
-- visited, so that the deals closed in whole months are added up from deal_total, and only those closed in the
-- window's first, partial month are read one by one.
-- Closed deals: the stages they had visited, in order, comma-separated; null for open deals.
alter table deal_total add column stages_visited text;
alter table deal_total drop constraint deal_total_owner_id_status_stage_probability_forecast_categ_key;
alter table deal_total add constraint deal_total_key unique nulls not distinct
    (owner_id, status, stage, probability, forecast_category, currency, month, stages_visited);

truncate deal_total;
insert into deal_total (owner_id, status, stage, probability, forecast_category, currency, month, stages_visited,
                        deals, amount, with_amount, margin, with_margin, cycle_days, fields_filled)
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
