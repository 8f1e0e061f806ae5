-- Axon Framework's stores with its default table and column names (unquoted, so PostgreSQL folds them to
-- lower case). Event payloads, metadata and tokens are JSON kept as text, readable with psql;
-- timestamps are ISO-8601 text because Axon's JDBC engine writes and compares them as such.

create table domainevententry (
    globalindex        bigserial    not null,
    aggregateidentifier varchar(255) not null,
    sequencenumber     bigint       not null,
    type               varchar(255),
    eventidentifier    varchar(255) not null,
    metadata           text,
    payload            text         not null,
    payloadrevision    varchar(255),
    payloadtype        varchar(255) not null,
    timestamp          varchar(255) not null,
    primary key (globalindex),
    unique (aggregateidentifier, sequencenumber),
    unique (eventidentifier)
);

create table snapshotevententry (
    aggregateidentifier varchar(255) not null,
    sequencenumber     bigint       not null,
    type               varchar(255) not null,
    eventidentifier    varchar(255) not null,
    metadata           text,
    payload            text         not null,
    payloadrevision    varchar(255),
    payloadtype        varchar(255) not null,
    timestamp          varchar(255) not null,
    primary key (aggregateidentifier, sequencenumber),
    unique (eventidentifier)
);

create table tokenentry (
    processorname varchar(255) not null,
    segment       integer      not null,
    token         text,
    tokentype     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorname, segment)
);

create table sagaentry (
    sagaid         varchar(255) not null,
    revision       varchar(255),
    sagatype       varchar(255),
    serializedsaga bytea,
    primary key (sagaid)
);

create table associationvalueentry (
    id               bigserial    not null,
    associationkey   varchar(255),
    associationvalue varchar(255),
    sagaid           varchar(255),
    sagatype         varchar(255),
    primary key (id)
);
create index associationvalueentry_saga on associationvalueentry (sagatype, associationkey, associationvalue);
create index associationvalueentry_id on associationvalueentry (sagaid, sagatype);

create table deadletterentry (
    deadletteridentifier varchar(255)  not null,
    processinggroup      varchar(255)  not null,
    sequenceidentifier   varchar(255)  not null,
    sequenceindex        bigint        not null,
    messagetype          varchar(255)  not null,
    eventidentifier      varchar(255)  not null,
    timestamp            varchar(255)  not null,
    payloadtype          varchar(255)  not null,
    payloadrevision      varchar(255),
    payload              bytea         not null,
    metadata             bytea,
    type                 varchar(255),
    aggregateidentifier  varchar(255),
    sequencenumber       bigint,
    tokentype            varchar(255),
    token                bytea,
    enqueuedat           varchar(255)  not null,
    lasttouched          varchar(255),
    processingstarted    varchar(255),
    causetype            varchar(255),
    causemessage         varchar(1023),
    diagnostics          bytea,
    primary key (deadletteridentifier),
    unique (processinggroup, sequenceidentifier, sequenceindex)
);
create index deadletterentry_group on deadletterentry (processinggroup);
