-- What each web form received, per day (UTC): operational state kept with Spring Data JPA, not history (ADR 017).
-- The leads a form captured are events like any other; these counts say how much it was used and abused.
create table web_form_counter (
    form_id          varchar(100) not null,
    day              date         not null,
    captured         bigint       not null default 0,
    refused          bigint       not null default 0,
    spam             bigint       not null default 0,
    last_received_at timestamptz  not null,
    primary key (form_id, day)
);
