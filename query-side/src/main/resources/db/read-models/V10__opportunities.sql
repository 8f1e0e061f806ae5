-- Deals: their stage with the probability and forecast category it had when they got there, their amount
-- and line items (JSON), and the margin when every line's cost is known.
create table opportunity_view (
    id                  varchar(100)   primary key,
    version             bigint         not null,
    account_id          varchar(100)   not null,
    owner_id            varchar(64),
    name                varchar(200)   not null,
    primary_contact_id  varchar(100),
    lead_id             varchar(100),
    currency            varchar(3)     not null,
    amount              numeric(19, 2),
    margin              numeric(19, 2),
    expected_close_date date           not null,
    price_list          varchar(100)   not null,
    stage               varchar(50)    not null,
    probability         integer        not null,
    forecast_category   varchar(20)    not null,
    status              varchar(10)    not null,
    loss_reason         varchar(20),
    loss_note           varchar(1000),
    closed_on           date,
    line_items          jsonb          not null,
    created_at          timestamptz    not null,
    created_by          varchar(255),
    updated_at          timestamptz    not null,
    search_text         text           not null
);
create index opportunity_view_owner on opportunity_view (owner_id);
create index opportunity_view_account on opportunity_view (account_id);
create index opportunity_view_close on opportunity_view (expected_close_date);
