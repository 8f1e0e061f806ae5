-- The keys of the data subjects (ADR 013): one per lead and per contact, wrapped (AES-GCM) by the master key
-- whose id is beside it. Erasure deletes the key and keeps the row, saying when.
create table data_subject_key (
    subject_kind  varchar(16)  not null,
    subject_id    varchar(255) not null,
    wrapped_key   bytea,
    master_key_id varchar(16),
    created_at    timestamptz  not null default now(),
    erased_at     timestamptz,
    primary key (subject_kind, subject_id),
    check ((wrapped_key is null) = (erased_at is not null)),
    check ((wrapped_key is null) = (master_key_id is null))
);

-- Records about a data subject whose later events do not name them (an activity about a contact).
create table data_subject_record (
    record_kind  varchar(32)  not null,
    record_id    varchar(255) not null,
    subject_kind varchar(16)  not null,
    subject_id   varchar(255) not null,
    primary key (record_kind, record_id)
);

create index data_subject_record_subject on data_subject_record (subject_kind, subject_id);
