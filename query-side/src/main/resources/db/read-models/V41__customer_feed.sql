-- The customer feed for the ERP (docs/feeds.md). Its entries are numbered as the projection writes them, one
-- batch after another, and never renumbered: a rebuild keeps them (one per event) and clears only the working
-- state the projection keeps to write them (accounts' status, ERP link and ERP-mastered fields; deals' lines).
create table customer_feed_entry (
    position       bigserial    primary key,
    event_id       varchar(255) not null unique,
    kind           varchar(30)  not null,
    occurred_at    timestamptz  not null,
    user_id        varchar(255) not null,
    on_behalf_of   varchar(255),
    account_id     varchar(100) not null,
    account_status varchar(20)  not null,
    erp_id         varchar(100),
    erp_fields     jsonb        not null,
    changes        jsonb        not null,
    merged_into_id varchar(100),
    deal           jsonb
);

create table customer_feed_account (
    id         varchar(100) primary key,
    version    bigint       not null,
    updated_at timestamptz  not null,
    status     varchar(20)  not null,
    erp_id     varchar(100),
    erp_fields jsonb        not null
);

create table customer_feed_deal (
    id         varchar(100) primary key,
    version    bigint       not null,
    updated_at timestamptz  not null,
    line_items jsonb        not null
);
