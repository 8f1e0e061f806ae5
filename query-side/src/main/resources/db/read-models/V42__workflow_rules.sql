-- Workflow rules (docs/workflow-rules.md); what they did is kept in the operational table workflow_run.
create table workflow_rule_view (
    id          varchar(100)  primary key,
    version     bigint        not null,
    name        varchar(200)  not null,
    event_type  varchar(100)  not null,
    condition   varchar(1000),
    action_kind varchar(20)   not null,
    assign_to   varchar(20),
    subject     varchar(200),
    due_in_days integer,
    owner_id    varchar(64),
    webhook_id  varchar(100),
    status      varchar(20)   not null,
    -- who defined or last changed it: the rule runs on their behalf
    author_id   varchar(100)  not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    -- name and event type folded to lower case without accents, for free-text search
    search_text text          not null
);
create index workflow_rule_view_name on workflow_rule_view (name);
