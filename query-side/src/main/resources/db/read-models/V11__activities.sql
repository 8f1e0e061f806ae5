-- Calls, e-mails, notes, meetings and tasks; the reminders and overdue alerts raised for their assignees.
create table activity_view (
    id             varchar(100)  primary key,
    version        bigint        not null,
    kind           varchar(10)   not null,
    status         varchar(10)   not null,
    subject        varchar(200)  not null,
    notes          text,
    account_id     varchar(100),
    contact_id     varchar(100),
    opportunity_id varchar(100),
    owner_id       varchar(64),
    occurred_at    timestamptz,
    due_at         timestamptz,
    remind_at      timestamptz,
    completed_at   timestamptz,
    outcome        varchar(2000),
    overdue        boolean       not null,
    created_at     timestamptz   not null,
    created_by     varchar(255),
    updated_at     timestamptz   not null
);
create index activity_view_owner on activity_view (owner_id);
create index activity_view_account on activity_view (account_id);
create index activity_view_contact on activity_view (contact_id);
create index activity_view_opportunity on activity_view (opportunity_id);

create table activity_alert (
    id          varchar(255) primary key,
    user_id     varchar(64)  not null,
    kind        varchar(10)  not null,
    activity_id varchar(100) not null,
    due_at      timestamptz  not null,
    raised_at   timestamptz  not null
);
create index activity_alert_user on activity_alert (user_id, raised_at);

-- db-scheduler's table: the persisted deadlines (reminders, overdue checks) that survive restarts.
create table scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
