-- The engine nodes sharing this database and when each last said it was alive (io.relais.cluster.EngineNodes):
-- the live ones share the event processors' segments out between them.
create table engine_node (
    node_id    text primary key,
    started_at timestamptz not null,
    last_seen  timestamptz not null
);
