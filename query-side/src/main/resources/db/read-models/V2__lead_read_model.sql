create extension if not exists pg_trgm;

create table lead_view (
    id                      varchar(100)  primary key,
    version                 bigint        not null,
    status                  varchar(20)   not null,
    first_name              varchar(100),
    last_name               varchar(100),
    email                   varchar(254),
    phone                   varchar(32),
    company                 varchar(200),
    job_title               varchar(100),
    website                 varchar(255),
    postal_code             varchar(20),
    city                    varchar(100),
    country                 varchar(2),
    notes                   text,
    source                  varchar(30)   not null,
    source_detail           varchar(200),
    marketing_consent       boolean,
    consent_date            date,
    consent_channel         varchar(20),
    owner_id                varchar(100),
    disqualification_reason varchar(30),
    disqualification_note   varchar(1000),
    captured_at             timestamptz   not null,
    captured_by             varchar(255),
    updated_at              timestamptz   not null,
    -- names, company and e-mail folded to lower case without accents, for free-text search
    search_text             text          not null
);
create index lead_view_status on lead_view (status);
create index lead_view_owner on lead_view (owner_id);
create index lead_view_source on lead_view (source);
create index lead_view_captured_at on lead_view (captured_at);
create index lead_view_search on lead_view using gin (search_text gin_trgm_ops);

create table lead_history (
    event_id       varchar(255) primary key,
    lead_id        varchar(100) not null,
    version        bigint       not null,
    event_type     varchar(100) not null,
    occurred_at    timestamptz  not null,
    user_id        varchar(255),
    on_behalf_of   varchar(255),
    correlation_id varchar(255),
    causation_id   varchar(255),
    changes        jsonb        not null
);
create index lead_history_lead on lead_history (lead_id, version);
