-- What each user did in the tool, week by week (weeks start on Monday, UTC).
create table usage_week (
    user_id           varchar(255) not null,
    week_start        date         not null,
    records_created   integer      not null default 0,
    records_updated   integer      not null default 0,
    activities_logged integer      not null default 0,
    primary key (user_id, week_start)
);

-- When the last activity about each deal was done: a deal idle for too long is stale.
create table deal_last_activity (
    opportunity_id varchar(100) primary key,
    last_done_at   timestamptz  not null
);
