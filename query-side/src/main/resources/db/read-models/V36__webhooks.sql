-- Webhook subscriptions (docs/webhooks.md); their secrets are sealed in webhook_secret, never here.
create table webhook_view (
    id               varchar(100)  primary key,
    version          bigint        not null,
    url              varchar(2000) not null,
    event_types      text[]        not null,
    record_types     text[]        not null,
    description      varchar(500),
    status           varchar(20)   not null,
    suspended_reason varchar(500),
    suspended_at     timestamptz,
    secret_id        varchar(100)  not null,
    secret_set_at    timestamptz   not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    -- address and description folded to lower case without accents, for free-text search
    search_text      text          not null
);
create index webhook_view_url on webhook_view (url);
