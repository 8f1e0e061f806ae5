-- The account read model. The details are kept whole as JSON (the projection's own copy of the event's
-- state); the columns beside them are what lists filter, sort and search on.
create table account_view (
    id           varchar(100) primary key,
    version      bigint       not null,
    status       varchar(20)  not null,
    legal_name   varchar(200) not null,
    siren        varchar(9),
    siret        varchar(14),
    owner_id     varchar(64),
    erp_id       varchar(100),
    details      jsonb        not null,
    created_at   timestamptz  not null,
    created_by   varchar(255),
    updated_at   timestamptz  not null,
    -- legal and trade name folded to lower case without accents, for free-text search
    search_text  text         not null
);
create index account_view_owner on account_view (owner_id);
create index account_view_status on account_view (status);
create index account_view_siret on account_view (siret);
create index account_view_siren on account_view (siren);
create index account_view_search on account_view using gin (search_text gin_trgm_ops);

-- Contacts, with the version of their account's stream that last changed them. Visibility follows the
-- account's owner.
create table contact_view (
    id          varchar(100) primary key,
    account_id  varchar(100) not null,
    version     bigint       not null,
    details     jsonb        not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    search_text text         not null
);
create index contact_view_account on contact_view (account_id);
create index contact_view_search on contact_view using gin (search_text gin_trgm_ops);

create table contact_link (
    contact_id        varchar(100) not null,
    linked_contact_id varchar(100) not null,
    kind              varchar(20)  not null,
    account_id        varchar(100) not null,
    linked_at         timestamptz  not null,
    primary key (contact_id, linked_contact_id, kind)
);
