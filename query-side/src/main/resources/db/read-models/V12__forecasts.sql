-- The stages a deal has been in, in the order it first got there: the funnel learns from them.
alter table opportunity_view add column stages_visited varchar(50)[] not null default '{}';

-- Every version of every deal with the time it held from (valid_from) until the next (valid_to): a forecast
-- as it stood on a past date reads the versions in force then.
create table opportunity_history (
    opportunity_id      varchar(100)   not null,
    version             bigint         not null,
    valid_from          timestamptz    not null,
    valid_to            timestamptz,
    owner_id            varchar(64),
    account_id          varchar(100)   not null,
    currency            varchar(3)     not null,
    amount              numeric(19, 2),
    margin              numeric(19, 2),
    expected_close_date date           not null,
    stage               varchar(50)    not null,
    probability         integer        not null,
    forecast_category   varchar(20)    not null,
    status              varchar(10)    not null,
    closed_on           date,
    stages_visited      varchar(50)[]  not null,
    opened_at           timestamptz    not null,
    primary key (opportunity_id, version)
);
create index opportunity_history_current on opportunity_history (owner_id) where valid_to is null;
create index opportunity_history_owner on opportunity_history (owner_id, valid_from);
create index opportunity_history_closed on opportunity_history (closed_on) where closed_on is not null;

-- Reference data of forecasts: exchange rates into the reporting currency, and sales targets.
create table exchange_rate (
    currency           varchar(3)     not null,
    valid_from         date           not null,
    rate               numeric(27, 8) not null,
    version            bigint         not null,
    reporting_currency varchar(3)     not null,
    set_at             timestamptz    not null,
    set_by             varchar(255),
    primary key (reporting_currency, currency, valid_from)
);

create table sales_target (
    user_id  varchar(64)    not null,
    period   varchar(7)     not null,
    amount   numeric(19, 2) not null,
    currency varchar(3)     not null,
    version  bigint         not null,
    set_at   timestamptz    not null,
    set_by   varchar(255),
    primary key (user_id, period)
);
