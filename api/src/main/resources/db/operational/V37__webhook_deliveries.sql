-- Webhook deliveries (docs/webhooks.md): operational state, not history. The subscriptions themselves are
-- events (webhook_view is their read model); what was sent, when and how it was answered is kept here.

-- Signing secrets, sealed with the master key (AES-256-GCM, bound to their id); events name them by id only.
create table webhook_secret (
    secret_id     varchar(100) primary key,
    webhook_id    varchar(100) not null,
    master_key_id varchar(32)  not null,
    sealed        bytea        not null,
    created_at    timestamptz  not null
);

-- The subscriptions as the outbox knew them when it queued each event (processor webhook-outbox).
create table webhook_route (
    webhook_id   varchar(100) primary key,
    event_types  text[]       not null,
    record_types text[]       not null,
    retired      boolean      not null
);

-- One row per event per subscription that takes it; its id is the webhook-id header, the same on every attempt.
create table webhook_delivery (
    id               varchar(40)  primary key,
    webhook_id       varchar(100) not null,
    event_id         varchar(100) not null,
    position         bigint       not null,
    event_type       varchar(200) not null,
    record_type      varchar(40)  not null,
    record_id        varchar(200) not null,
    aggregate_type   varchar(100) not null,
    sequence_number  bigint       not null,
    occurred_at      timestamptz  not null,
    queued_at        timestamptz  not null,
    -- PENDING (to send, or being sent), DELIVERED (answered 2xx), FAILED (given up after the retry period)
    status           varchar(20)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    -- when this round of attempts started (reset by a redelivery or a resumption): the retry period counts from it
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_record on webhook_delivery (webhook_id, record_id, position) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (webhook_id, position desc);

-- Every attempt: when, how it was answered (status code, or none with the error) and how long it took.
create table webhook_attempt (
    delivery_id  varchar(40)  not null references webhook_delivery on delete cascade,
    number       integer      not null,
    attempted_at timestamptz  not null,
    status_code  integer,
    latency_ms   bigint       not null,
    error        varchar(500),
    primary key (delivery_id, number)
);

-- Since when each subscription has failed without a success: it is suspended past relais.webhooks.suspend-after.
create table webhook_health (
    webhook_id      varchar(100) primary key,
    failing_since   timestamptz,
    last_success_at timestamptz
);
