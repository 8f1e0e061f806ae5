-- What each user follows (leads, accounts, deals, and the users below them whose records they follow) and how far
-- they read their alerts: a user's own settings, operational state kept with Spring Data JPA, not history (ADR 017).
-- The alerts themselves are read from the timeline (io.relais.timeline.AlertFeed).
create table following (
    user_id     varchar(64)  not null,
    kind        varchar(20)  not null,
    followed_id varchar(100) not null,
    followed_at timestamptz  not null,
    primary key (user_id, kind, followed_id)
);

create table alert_read_mark (
    user_id    varchar(64) primary key,
    -- the store position up to which the user read their alerts
    read_up_to bigint      not null
);
