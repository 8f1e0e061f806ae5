-- The 360° timeline: one entry per account or lead event, with what changed, who and when.
create table timeline_entry (
    event_id       varchar(255) primary key,
    -- the event's position in the store: orders entries of the same instant
    position       bigint       not null,
    -- the record whose stream holds the event (an account, or a lead)
    record_id      varchar(100) not null,
    kind           varchar(20)  not null,
    contact_id     varchar(100),
    event_type     varchar(100) not null,
    record_version bigint       not null,
    occurred_at    timestamptz  not null,
    user_id        varchar(255),
    on_behalf_of   varchar(255),
    correlation_id varchar(255),
    causation_id   varchar(255),
    changes        jsonb        not null
);
-- A page is read in order from one of these per record (or contact), and its rows fetched whole only then;
-- kind and event id are in the index so that counting and filtering by kind need not visit the rows.
create index timeline_entry_record on timeline_entry (record_id, occurred_at, position) include (kind, event_id);
create index timeline_entry_contact on timeline_entry (contact_id, occurred_at, position) include (kind, event_id)
    where contact_id is not null;

-- member_id's history is part of record_id's: a lead converted into an account and into its contact, a
-- duplicate merged into its survivor.
create table timeline_link (
    record_id varchar(100) not null,
    member_id varchar(100) not null,
    primary key (record_id, member_id)
);
