-- A funnel's period reads its team's open deals expected to close in it, tens of thousands for a vice-president, and
-- groups them by amount (the chance of reaching the target depends on each deal's): this index holds every column
-- that reading needs, so it reads the index alone instead of a heap page per deal (ADR 016).
create index opportunity_view_open_by_close_date on opportunity_view (expected_close_date)
    include (owner_id, status, currency, stage, probability, forecast_category, amount, margin)
    where status = 'OPEN';
