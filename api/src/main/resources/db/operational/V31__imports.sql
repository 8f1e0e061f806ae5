-- Import jobs (issue 17, ADR 017): operational state kept with Spring Data JPA, not history. The records an
-- import creates are events like any other; these tables say how far a file has gone and why rows were refused.
create table import_job (
    id               uuid primary key,
    kind             varchar(20)  not null,
    status           varchar(20)  not null,
    file_name        varchar(255) not null,
    file_sha256      varchar(64)  not null,
    charset          varchar(20)  not null,
    separator        varchar(1)   not null,
    mapping          text         not null,
    key_column       varchar(200),
    source           varchar(200),
    owner_id         varchar(64),
    imported_by      varchar(64)  not null,
    total_rows       integer      not null,
    read_rows        integer      not null default 0,
    created_rows     integer      not null default 0,
    refused_rows     integer      not null default 0,
    already_imported integer      not null default 0,
    -- every row before this one (counted from 0, the header aside) is counted and its refusal kept
    next_row         integer      not null default 0,
    -- rows from next_row up to this one may have been sent when the import stopped: on resuming, those found
    -- made already were made by this import
    sent_until       integer      not null default 0,
    failure          text,
    created_at       timestamptz  not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- when the file and the refused rows were deleted, their time kept past (relais.imports.keep-files)
    files_deleted_at timestamptz,
    version          bigint       not null
);

create index import_job_by_importer on import_job (imported_by, created_at desc);
create index import_job_by_creation on import_job (created_at desc);
create index import_job_files_kept on import_job (finished_at) where files_deleted_at is null;

-- The file as uploaded, read again when an import resumes and for its list of refused rows; personal data,
-- deleted with its refused rows once the import has ended for relais.imports.keep-files (docs/imports.md).
create table import_file (
    job_id  uuid primary key references import_job (id) on delete cascade,
    content bytea not null
);

create table import_refusal (
    job_id  uuid         not null references import_job (id) on delete cascade,
    row_index integer    not null,
    line    integer      not null,
    field   varchar(200) not null,
    problem text         not null,
    primary key (job_id, row_index)
);
