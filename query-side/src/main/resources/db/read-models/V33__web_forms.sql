-- Web forms whose submissions become leads (docs/web-forms.md); a form is found by its public key.
create table web_form_view (
    id                   varchar(100)  primary key,
    version              bigint        not null,
    key                  varchar(64)   not null unique,
    name                 varchar(200)  not null,
    allowed_origins      text[]        not null,
    source_detail        varchar(200),
    owner_id             varchar(100),
    consent_text         text          not null,
    consent_text_version varchar(50)   not null,
    redirect_url         varchar(2000) not null,
    retired              boolean       not null,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    -- name and source detail folded to lower case without accents, for free-text search
    search_text          text          not null
);
create index web_form_view_name on web_form_view (name);
