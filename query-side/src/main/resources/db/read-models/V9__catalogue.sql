-- The product and service catalogue, and every price it ever had (retired prices stay).
create table product_view (
    id             varchar(100) primary key,
    version        bigint       not null,
    code           varchar(100) not null,
    name           varchar(200) not null,
    description    text,
    kind           varchar(10)  not null,
    unit           varchar(40)  not null,
    lead_time_days integer,
    discontinued   boolean      not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    -- code, name and description folded to lower case without accents, for free-text search
    search_text    text         not null
);
create index product_view_name on product_view (name);
create index product_view_search on product_view using gin (search_text gin_trgm_ops);

create table product_price (
    product_id  varchar(100)   not null,
    price_id    varchar(100)   not null,
    price_list  varchar(100)   not null,
    currency    varchar(3)     not null,
    unit_price  numeric(19, 4) not null,
    valid_from  date           not null,
    valid_until date,
    retired_on  date,
    primary key (product_id, price_id)
);
