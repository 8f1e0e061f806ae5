-- Workflow rules' runs (docs/workflow-rules.md): operational state, not history. The rules themselves are events
-- (workflow_rule_view is their read model); what each did with each event is kept here.

-- The rules as the workflow processor knew them when each event came: a change applies from the next event on.
create table workflow_rule_route (
    rule_id    varchar(100) primary key,
    event_type varchar(100) not null,
    -- the rule's settings as its last Defined or Changed event holds them (JSON)
    settings   text         not null,
    -- who defined or last changed it: the rule runs on their behalf
    author_id  varchar(100) not null,
    retired    boolean      not null
);
create index workflow_rule_route_event on workflow_rule_route (event_type) where not retired;

-- One row per rule and event it ran for, written with what its action did, in one transaction: never twice.
create table workflow_run (
    rule_id    varchar(100) not null,
    event_id   varchar(100) not null,
    position   bigint       not null,
    event_type varchar(100) not null,
    record_id  varchar(200) not null,
    ran_at     timestamptz  not null,
    -- DONE (the action was taken), SKIPPED (the condition did not hold), FAILED (see detail)
    outcome    varchar(20)  not null,
    detail     varchar(1000),
    -- NOTIFY_FOLLOWERS done: the message the record's followers are alerted with (the alert feed reads it)
    notice     varchar(200),
    primary key (rule_id, event_id)
);
create index workflow_run_log on workflow_run (rule_id, position desc);
create index workflow_run_notice on workflow_run (record_id, position) where notice is not null;
