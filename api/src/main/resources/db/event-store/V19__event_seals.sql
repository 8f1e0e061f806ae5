-- The seals of the event store (ADR 013): blocks of events in position order, each seal chained to the one
-- before and signed (Ed25519) by a key that is not in the database. events holds, for each sealed event in
-- order, its position (8 bytes) and its hash (32 bytes), so that a verification can say which event changed.
create table event_seal (
    seal_number        bigint      primary key,
    from_position      bigint      not null,
    to_position        bigint      not null,
    event_count        integer     not null,
    events             bytea       not null,
    previous_seal_hash bytea       not null,
    seal_hash          bytea       not null,
    signature          bytea       not null,
    sealed_at          timestamptz not null,
    check (from_position < to_position)
);

-- How far the store may be sealed: the positions handed out when it was taken, and the transactions then in
-- progress; once they have all ended, no event can still be committed at or below that position.
create table event_seal_horizon (
    id        boolean     primary key default true check (id),
    position  bigint      not null,
    open_xids xid8[]      not null,
    taken_at  timestamptz not null
);
