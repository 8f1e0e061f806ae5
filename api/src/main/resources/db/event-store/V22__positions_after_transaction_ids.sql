-- A transaction takes its transaction id before it takes a store position (io.relais.eventstore.StoreHorizon):
-- otherwise, between the position handed out and the row written (when PostgreSQL assigns the id), a reader
-- taking the positions handed out and then the transactions in progress would see neither the event nor its
-- transaction, and could take a position still to be filled for a stable one. The sequence is passed as a
-- regclass, bound when the default is defined, as nextval's own default binds it.
create function relais_next_event_position(positions regclass) returns bigint language plpgsql volatile as $$
begin
    perform pg_current_xact_id();
    return nextval(positions);
end
$$;

alter table domainevententry
    alter column globalindex set default relais_next_event_position('domainevententry_globalindex_seq'::regclass);
