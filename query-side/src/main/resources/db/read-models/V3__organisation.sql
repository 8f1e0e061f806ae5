alter table lead_view add column naf_code varchar(10), add column company_size varchar(20);

-- The organisation read model. Visibility queries walk org_user.manager_id with a recursive CTE.
create table org_user (
    id            varchar(64)  primary key,
    display_name  varchar(100) not null,
    email         varchar(254),
    profile       varchar(20)  not null,
    manager_id    varchar(64),
    active        boolean      not null,
    registered_at timestamptz  not null,
    updated_at    timestamptz  not null
);
create index org_user_manager on org_user (manager_id);

create table territory (
    id         varchar(100) primary key,
    name       varchar(100) not null,
    created_at timestamptz  not null
);

create table territory_rule (
    territory_id       varchar(100) not null,
    rule_id            varchar(100) not null,
    priority           integer      not null,
    country            varchar(2),
    postal_code_prefix varchar(20),
    naf_code_prefix    varchar(6),
    company_size       varchar(20),
    -- the event's position in the organisation stream: ties between equal priorities go to the earliest rule
    added_sequence     bigint       not null,
    primary key (territory_id, rule_id)
);

create table territory_member (
    territory_id   varchar(100) not null,
    user_id        varchar(64)  not null,
    added_sequence bigint       not null,
    primary key (territory_id, user_id)
);

-- One row: how far the projection has read the organisation's stream, and the lead routing default.
create table organisation_state (
    id                    integer     primary key check (id = 1),
    version               bigint      not null,
    default_lead_owner_id varchar(64)
);

-- Passwords for HTTP Basic sign-in. Deliberately outside the event store: a hash must be replaceable and
-- erasable, and never part of the permanent history.
create table user_credential (
    user_id       varchar(64)  primary key,
    password_hash varchar(255) not null,
    updated_at    timestamptz  not null
);
